//! The JSON Schemas (draft 2020-12) of the JSON the build publishes: `index.json`, each
//! country manifest and each `changes.json`. Generated from the types the build serialises
//! (schemars reads their serde attributes), so they describe what is written and cannot
//! drift from it; the committed copies under `schema/` are checked against these by the
//! content build's tests and published beside `index.json`.
//!
//! Each schema has an `$id` naming its kind and [`SCHEMA_VERSION`], a title, and holds the
//! `schema` field to that version: a manifest of another version does not validate.
//! Objects accept properties the schema does not list, since adding an optional field is
//! not a breaking change (FEEDS.md → Versioning).

use std::borrow::Cow;

use schemars::generate::SchemaSettings;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde_json::{json, Value};

use crate::changes::ChangeLog;
use crate::feeds;
use crate::manifest::{CountryCode, CountryManifest, SiteIndex, SCHEMA_VERSION};

/// Every published schema, as `(file name, schema)`; the file name is also its name under
/// `schema/` in the repository.
pub fn all() -> Vec<(&'static str, Value)> {
    vec![
        (
            feeds::INDEX_SCHEMA,
            schema_for::<SiteIndex>(
                "index",
                "Election Center: the site index",
                "`content/index.json`: every country, with its languages.",
            ),
        ),
        (
            feeds::MANIFEST_SCHEMA,
            schema_for::<CountryManifest>(
                "manifest",
                "Election Center: a country in one language",
                "`content/<cc>/<lang>.json`: every published page of one country in one \
                 language, with its metadata; bodies are separate HTML files.",
            ),
        ),
        (
            feeds::CHANGES_SCHEMA,
            schema_for::<ChangeLog>(
                "changes",
                "Election Center: what changed in a country's pages",
                "`content/<cc>/<lang>/changes.json`: pages added, removed, reviewed or \
                 changed, build after build, newest first.",
            ),
        ),
    ]
}

/// The schema's `$id`: a name, not an address, so that it does not depend on where a site
/// is served from. It changes with [`SCHEMA_VERSION`].
pub fn id(kind: &str) -> String {
    format!("urn:election-center:schema:{kind}:v{SCHEMA_VERSION}")
}

fn schema_for<T: JsonSchema>(kind: &str, title: &str, description: &str) -> Value {
    // The serialize contract: the schema of what the build writes (a field it skips when
    // empty is optional), which is what a reader validates.
    let generator = SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator();
    let schema = generator.into_root_schema_for::<T>();
    let mut value = schema.to_value();
    never_null(&mut value);
    let object = value.as_object_mut().expect("a root schema is an object");
    object.insert("$id".into(), json!(id(kind)));
    object.insert(
        "title".into(),
        json!(format!("{title} (schema version {SCHEMA_VERSION})")),
    );
    object.insert("description".into(), json!(description));
    let version = object
        .get_mut("properties")
        .and_then(|p| p.get_mut("schema"))
        .and_then(Value::as_object_mut)
        .expect("every published file has a `schema` field");
    version.insert("const".into(), json!(SCHEMA_VERSION));
    value
}

/// The build leaves out a field it has no value for (`skip_serializing_if`) and never
/// writes `null`, so an optional property's schema does not allow it: `["string", "null"]`
/// becomes `"string"`, an `anyOf` with `{"type": "null"}` loses that branch.
fn never_null(schema: &mut Value) {
    match schema {
        Value::Object(object) => {
            if let Some(Value::Object(properties)) = object.get("properties") {
                let required: Vec<Value> = object
                    .get("required")
                    .and_then(Value::as_array)
                    .cloned()
                    .unwrap_or_default();
                let optional: Vec<String> = properties
                    .keys()
                    .filter(|k| !required.contains(&json!(k)))
                    .cloned()
                    .collect();
                let properties = object["properties"].as_object_mut().expect("checked");
                for name in optional {
                    strip_null(&mut properties[&name]);
                }
            }
            object.values_mut().for_each(never_null);
        }
        Value::Array(items) => items.iter_mut().for_each(never_null),
        _ => {}
    }
}

fn strip_null(property: &mut Value) {
    let Some(object) = property.as_object_mut() else {
        return;
    };
    if let Some(Value::Array(types)) = object.get_mut("type") {
        types.retain(|t| t != "null");
        if let [only] = types.as_slice() {
            let only = only.clone();
            object.insert("type".into(), only);
        }
    }
    if let Some(Value::Array(branches)) = object.get_mut("anyOf") {
        branches.retain(|b| *b != json!({"type": "null"}));
        if let [only] = branches.as_slice() {
            let only = only.clone();
            object.remove("anyOf");
            if let Value::Object(only) = only {
                object.extend(only);
            }
        }
    }
}

/// A country code is a string of a known shape (its serde form is a plain string).
impl JsonSchema for CountryCode {
    fn schema_name() -> Cow<'static, str> {
        "CountryCode".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An ISO 3166-1 alpha-2 code, lower case (`fr`): the country's \
                            folder under `content/` and its address segment.",
            "type": "string",
            "pattern": "^[a-z]{2}$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_schema_names_its_kind_and_version_and_holds_the_version_field() {
        for (file, schema) in all() {
            let kind = file.strip_suffix(".schema.json").unwrap();
            assert_eq!(schema["$id"], json!(id(kind)), "{file}");
            assert_eq!(
                schema["$schema"],
                json!("https://json-schema.org/draft/2020-12/schema")
            );
            assert!(
                schema["title"]
                    .as_str()
                    .unwrap()
                    .ends_with(&format!("(schema version {SCHEMA_VERSION})")),
                "{file}"
            );
            assert_eq!(
                schema["properties"]["schema"]["const"],
                json!(SCHEMA_VERSION)
            );
            assert!(
                schema["required"]
                    .as_array()
                    .unwrap()
                    .contains(&json!("schema")),
                "{file}"
            );
        }
    }

    #[test]
    fn fields_written_only_when_present_are_optional() {
        let (_, manifest) = &all()[1];
        let page = &manifest["$defs"]["PageEntry"];
        let required: Vec<&str> = page["required"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        for field in ["slug", "lang", "title", "reviewed", "sources", "body"] {
            assert!(required.contains(&field), "{field} in {required:?}");
        }
        for field in ["section", "summary", "toc", "election", "video"] {
            assert!(!required.contains(&field), "{field} in {required:?}");
        }
        assert_eq!(
            manifest["$defs"]["CountryCode"]["pattern"],
            json!("^[a-z]{2}$")
        );
        // Never `null`: an absent field is left out.
        assert_eq!(page["properties"]["summary"], json!({"type": "string"}));
        assert_eq!(
            page["properties"]["section"]["$ref"],
            json!("#/$defs/Section")
        );
        assert_eq!(page["properties"]["section"].get("anyOf"), None);
        let text = serde_json::to_string(&all()).unwrap();
        assert!(!text.contains("\"null\""), "{text}");
    }
}
