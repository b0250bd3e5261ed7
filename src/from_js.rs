//! JSON the browser has parsed (`JSON.parse`) read into Rust types with serde, in the
//! voter's wasm (`api::get_json`). A file that does not fit is simply unavailable, so this
//! reader's one error says nothing: serde's messages format the value that did not fit
//! (numbers, escaped strings), and serde-wasm-bindgen, which this replaces, shipped that
//! formatting for messages nobody read.
//!
//! It reads what the content build writes: objects, arrays, strings, numbers, booleans and
//! null; an enum as its variant's name or as an object of one key (serde's default).

use std::fmt;

use js_sys::{Array, Object, Reflect};
use serde::de::value::StringDeserializer;
use serde::de::{
    self, DeserializeOwned, DeserializeSeed, EnumAccess, IntoDeserializer, MapAccess, SeqAccess,
    VariantAccess, Visitor,
};
use wasm_bindgen::JsValue;

/// The value does not have the shape of the type asked for.
#[derive(Debug)]
pub struct Unfit;

impl fmt::Display for Unfit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unfit")
    }
}

impl std::error::Error for Unfit {}

impl de::Error for Unfit {
    // What would have been said is dropped unformatted.
    fn custom<T: fmt::Display>(_: T) -> Self {
        Unfit
    }
}

/// `value` as a `T`.
pub fn from_value<T: DeserializeOwned>(value: JsValue) -> Result<T, Unfit> {
    T::deserialize(Value(value))
}

struct Value(JsValue);

fn name(text: String) -> StringDeserializer<Unfit> {
    text.into_deserializer()
}

impl<'de> de::Deserializer<'de> for Value {
    type Error = Unfit;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unfit> {
        let v = self.0;
        if v.is_null() || v.is_undefined() {
            visitor.visit_unit()
        } else if let Some(b) = v.as_bool() {
            visitor.visit_bool(b)
        } else if let Some(n) = v.as_f64() {
            // Integers as integers: the integer types' visitors take no float.
            if n.fract() != 0.0 {
                visitor.visit_f64(n)
            } else if n < 0.0 {
                visitor.visit_i64(n as i64)
            } else {
                visitor.visit_u64(n as u64)
            }
        } else if let Some(s) = v.as_string() {
            visitor.visit_string(s)
        } else if Array::is_array(&v) {
            visitor.visit_seq(Items {
                array: v.into(),
                at: 0,
            })
        } else if v.is_object() {
            visitor.visit_map(Entries {
                keys: Object::keys(&v.clone().into()),
                object: v,
                at: 0,
                value: JsValue::UNDEFINED,
            })
        } else {
            Err(Unfit)
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unfit> {
        if self.0.is_null() || self.0.is_undefined() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Unfit> {
        if let Some(unit) = self.0.as_string() {
            return visitor.visit_enum(name(unit));
        }
        let keys = Object::keys(&self.0.clone().into());
        let key = keys.get(0).as_string().filter(|_| keys.length() == 1);
        let key = key.ok_or(Unfit)?;
        let value = Reflect::get(&self.0, &JsValue::from_str(&key)).map_err(|_| Unfit)?;
        visitor.visit_enum(Variant { key, value })
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Unfit> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

struct Items {
    array: Array,
    at: u32,
}

impl<'de> SeqAccess<'de> for Items {
    type Error = Unfit;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Unfit> {
        if self.at >= self.array.length() {
            return Ok(None);
        }
        self.at += 1;
        seed.deserialize(Value(self.array.get(self.at - 1)))
            .map(Some)
    }
}

struct Entries {
    keys: Array,
    object: JsValue,
    at: u32,
    value: JsValue,
}

impl<'de> MapAccess<'de> for Entries {
    type Error = Unfit;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Unfit> {
        if self.at >= self.keys.length() {
            return Ok(None);
        }
        let key = self.keys.get(self.at);
        self.at += 1;
        self.value = Reflect::get(&self.object, &key).map_err(|_| Unfit)?;
        seed.deserialize(name(key.as_string().ok_or(Unfit)?))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Unfit> {
        seed.deserialize(Value(std::mem::take(&mut self.value)))
    }
}

/// An enum written as an object of one key: the variant's name, its content.
struct Variant {
    key: String,
    value: JsValue,
}

impl<'de> EnumAccess<'de> for Variant {
    type Error = Unfit;
    type Variant = Value;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Value), Unfit> {
        Ok((seed.deserialize(name(self.key))?, Value(self.value)))
    }
}

impl<'de> VariantAccess<'de> for Value {
    type Error = Unfit;

    fn unit_variant(self) -> Result<(), Unfit> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Unfit> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Unfit> {
        de::Deserializer::deserialize_any(self, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Unfit> {
        de::Deserializer::deserialize_any(self, visitor)
    }
}
