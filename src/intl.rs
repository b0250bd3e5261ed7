//! What only the browser knows: the voter's own time zone, and times written in it by
//! `Intl` (which carries every zone, so the wasm ships no zone data). Called after the app
//! has started, never in a first render.

use js_sys::{Array, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

/// `utc` (`2025-05-04T05:00:00Z`) as date and time in the voter's zone, when that zone is
/// not `zone`; `None` when they are the same (or the browser does not say).
pub fn in_voter_zone(utc: &str, zone: &str, lang: &str) -> Option<String> {
    let locales = Array::of1(&JsValue::from_str(lang));
    let voter = Reflect::get(
        &Intl::DateTimeFormat::new(&locales, &Object::new()).resolved_options(),
        &JsValue::from_str("timeZone"),
    )
    .ok()?
    .as_string()?;
    if voter == zone {
        return None;
    }
    let options = Object::new();
    // (`dateStyle` cannot be combined with `timeZoneName`: the zone is named after it.)
    for (key, value) in [
        ("dateStyle", "medium"),
        ("timeStyle", "short"),
        ("timeZone", voter.as_str()),
    ] {
        let _ = Reflect::set(&options, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    let date = js_sys::Date::new(&JsValue::from_str(utc));
    let time = Intl::DateTimeFormat::new(&locales, &options)
        .format()
        .call1(&JsValue::NULL, &date)
        .ok()?
        .as_string()?;
    Some(format!("{time}, {voter}"))
}
