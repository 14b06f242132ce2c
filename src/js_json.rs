//! Reads a value made by the browser's `JSON.parse` through serde, so the core's `Deserialize`
//! impls (also fed by serde_json in native tests) are the single reader of the table.
//!
//! The core's visitors accept every kind of JSON value, so reading never fails for JSON; the
//! error type therefore carries no message, which keeps serde's formatting machinery (and with it
//! float printing) out of the wasm. Values the core skips are not walked at all.

use core::fmt;
use js_sys::{Array, Object};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use wasm_bindgen::{JsCast, JsValue};

/// A JS value that is not JSON (a function, a symbol…), which `JSON.parse` never produces.
#[derive(Debug)]
pub struct NotJson;

impl NotJson {
    pub const MESSAGE: &'static str = "a value that is not JSON";
}

impl fmt::Display for NotJson {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(Self::MESSAGE)
    }
}

impl core::error::Error for NotJson {}

impl de::Error for NotJson {
    fn custom<T: fmt::Display>(_: T) -> Self {
        NotJson
    }
}

/// A parsed JSON value on the JS side.
pub struct JsJson(pub JsValue);

impl<'de> Deserializer<'de> for JsJson {
    type Error = NotJson;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NotJson> {
        // Every question is a call into the engine: ask in the order of how common the kinds are
        // in an action table (strings, then objects and arrays).
        let value = self.0;
        if let Some(text) = value.as_string() {
            visitor.visit_string(text)
        } else if value.is_object() {
            if Array::is_array(&value) {
                let items: Array = value.unchecked_into();
                visitor.visit_seq(Items { len: items.length(), items, next: 0 })
            } else {
                // `[key, value, key, value, …]`: one array for the whole object.
                let entries = Object::entries(value.unchecked_ref()).flat(1);
                visitor.visit_map(Entries { len: entries.length(), entries, next: 0 })
            }
        } else if let Some(number) = value.as_f64() {
            visitor.visit_f64(number)
        } else if let Some(flag) = value.as_bool() {
            visitor.visit_bool(flag)
        } else if value.is_null() || value.is_undefined() {
            visitor.visit_unit()
        } else {
            Err(NotJson)
        }
    }

    /// Skipped values are not walked, so deep nesting in unused fields costs nothing.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NotJson> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
        unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier
    }
}

struct Items {
    items: Array,
    len: u32,
    next: u32,
}

impl<'de> SeqAccess<'de> for Items {
    type Error = NotJson;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, NotJson> {
        if self.next >= self.len {
            return Ok(None);
        }
        self.next += 1;
        seed.deserialize(JsJson(self.items.get(self.next - 1))).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some((self.len - self.next) as usize)
    }
}

/// An object's keys and values, alternating (`Object.entries`, flattened).
struct Entries {
    entries: Array,
    len: u32,
    next: u32,
}

impl<'de> MapAccess<'de> for Entries {
    type Error = NotJson;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, NotJson> {
        if self.next >= self.len {
            return Ok(None);
        }
        self.next += 1;
        seed.deserialize(JsJson(self.entries.get(self.next - 1))).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, NotJson> {
        self.next += 1;
        seed.deserialize(JsJson(self.entries.get(self.next - 1)))
    }
}
