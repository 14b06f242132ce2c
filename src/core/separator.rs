//! The separators a reader can join the chosen scopes with.

use super::text::join;
use crate::prelude::*;

/// How the scope union is joined for copying.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Separator {
    #[default]
    Space,
    Comma,
    Semicolon,
    Pipe,
    Newline,
}

impl Separator {
    pub const ALL: [Separator; 5] =
        [Separator::Space, Separator::Comma, Separator::Semicolon, Separator::Pipe, Separator::Newline];

    /// The name used in `<option value>` and in guide URLs.
    pub fn name(self) -> &'static str {
        match self {
            Separator::Space => "space",
            Separator::Comma => "comma",
            Separator::Semicolon => "semicolon",
            Separator::Pipe => "pipe",
            Separator::Newline => "newline",
        }
    }

    /// Reads a name, ignoring case and surrounding spaces.
    pub fn from_name(name: &str) -> Option<Separator> {
        let name = name.trim();
        Separator::ALL.into_iter().find(|separator| separator.name().eq_ignore_ascii_case(name))
    }

    /// The text placed between two scopes.
    pub fn text(self) -> &'static str {
        match self {
            Separator::Space => " ",
            Separator::Comma => ",",
            Separator::Semicolon => ";",
            Separator::Pipe => "|",
            Separator::Newline => "\n",
        }
    }

    /// Joins scope names with this separator.
    pub fn join<'a>(self, scopes: impl IntoIterator<Item = &'a str>) -> String {
        join(scopes, self.text())
    }
}
