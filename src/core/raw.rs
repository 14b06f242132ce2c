//! The action table as it arrives, before validation.
//!
//! Every value is read as "the shape we want, or the kind of JSON value found instead", so that
//! validation can say exactly what is wrong and where. Only the four levels we use are read
//! (table, action, scopes, scope); anything else is skipped without being walked, so hostile
//! nesting cannot exhaust the stack.

use crate::prelude::*;
use core::fmt;
use core::marker::PhantomData;
use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// The kind of a JSON value, for error messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Null,
    Boolean,
    Number,
    String,
    Array,
    Object,
}

impl Kind {
    /// The kind as a message names it ("a number").
    pub fn name(self) -> &'static str {
        match self {
            Kind::Null => "null",
            Kind::Boolean => "a boolean",
            Kind::Number => "a number",
            Kind::String => "a string",
            Kind::Array => "an array",
            Kind::Object => "an object",
        }
    }
}

/// A value of the expected shape, or the kind of value found instead.
pub type Shaped<T> = Result<T, Kind>;

/// The whole table: an array whose entries should be action objects.
#[derive(Debug, Clone, PartialEq)]
pub struct RawTable(pub Shaped<Vec<Shaped<RawAction>>>);

/// The fields of one action object; `None` means the field is absent.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RawAction {
    pub id: Option<Shaped<String>>,
    pub label: Option<Shaped<String>>,
    pub scopes: Option<Shaped<Vec<Shaped<String>>>>,
}

/// How one shape is read from a JSON array, object or string; other kinds are reported.
trait Shape: Sized {
    const EXPECTING: &'static str;

    fn from_str(_value: &str) -> Option<Self> {
        None
    }

    fn from_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<Shaped<Self>, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Err(Kind::Array))
    }

    fn from_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<Shaped<Self>, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Err(Kind::Object))
    }
}

impl Shape for String {
    const EXPECTING: &'static str = "a string";

    fn from_str(value: &str) -> Option<Self> {
        Some(value.to_owned())
    }
}

impl<T: Shape> Shape for Vec<Shaped<T>> {
    const EXPECTING: &'static str = "an array";

    fn from_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<Shaped<Self>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 16));
        while let Some(Loose(item)) = seq.next_element::<Loose<T>>()? {
            items.push(item);
        }
        Ok(Ok(items))
    }
}

impl Shape for RawAction {
    const EXPECTING: &'static str = "an object";

    fn from_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<Shaped<Self>, A::Error> {
        let mut action = RawAction::default();
        // Keys are read loosely too: no serde "invalid type" error path (and its number
        // formatting) is ever linked into the wasm.
        while let Some(Loose(key)) = map.next_key::<Loose<String>>()? {
            match key.as_deref().unwrap_or_default() {
                "id" => action.id = Some(map.next_value::<Loose<String>>()?.0),
                "label" => action.label = Some(map.next_value::<Loose<String>>()?.0),
                "scopes" => action.scopes = Some(map.next_value::<Loose<Vec<Shaped<String>>>>()?.0),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(Ok(action))
    }
}

/// Deserialises any JSON value into `Shaped<T>` instead of failing on the wrong kind.
struct Loose<T>(Shaped<T>);

impl<'de, T: Shape> Deserialize<'de> for Loose<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(LooseVisitor(PhantomData)).map(Loose)
    }
}

struct LooseVisitor<T>(PhantomData<T>);

impl<'de, T: Shape> Visitor<'de> for LooseVisitor<T> {
    type Value = Shaped<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Err(Kind::Boolean))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(Err(Kind::Number))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok(Err(Kind::Number))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(Err(Kind::Number))
    }
    fn visit_i128<E: de::Error>(self, _: i128) -> Result<Self::Value, E> {
        Ok(Err(Kind::Number))
    }
    fn visit_u128<E: de::Error>(self, _: u128) -> Result<Self::Value, E> {
        Ok(Err(Kind::Number))
    }
    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Self::Value, E> {
        Ok(Err(Kind::Array))
    }
    fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
        Ok(T::from_str(value).ok_or(Kind::String))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Err(Kind::Null))
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Err(Kind::Null))
    }
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        T::from_seq(seq)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        T::from_map(map)
    }
}

impl<'de> Deserialize<'de> for RawTable {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Loose::deserialize(deserializer).map(|Loose(entries)| RawTable(entries))
    }
}
