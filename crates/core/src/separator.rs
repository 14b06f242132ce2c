//! The separators a reader can join the chosen scopes with.

use crate::text::join;

/// How the scope union is joined for copying.
///
/// ```
/// use scope_selector_core::Separator;
/// assert_eq!(Separator::Comma.join(["a", "b"]), "a,b");
/// assert_eq!(Separator::from_name(" PIPE "), Some(Separator::Pipe));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Separator {
    /// A space (the default).
    #[default]
    Space,
    /// A comma, without spaces.
    Comma,
    /// A semicolon.
    Semicolon,
    /// A vertical bar.
    Pipe,
    /// A line break.
    Newline,
}

impl Separator {
    /// Every separator, in the order a page lists them.
    ///
    /// ```
    /// use scope_selector_core::Separator;
    /// assert_eq!(Separator::ALL.len(), 5);
    /// ```
    pub const ALL: [Separator; 5] =
        [Separator::Space, Separator::Comma, Separator::Semicolon, Separator::Pipe, Separator::Newline];

    /// The name used in `<option value>` and in guide URLs.
    ///
    /// ```
    /// use scope_selector_core::Separator;
    /// assert_eq!(Separator::Newline.name(), "newline");
    /// ```
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
    ///
    /// ```
    /// use scope_selector_core::Separator;
    /// assert_eq!(Separator::from_name("Comma"), Some(Separator::Comma));
    /// assert_eq!(Separator::from_name("tab"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Separator> {
        let name = name.trim();
        Separator::ALL.into_iter().find(|separator| separator.name().eq_ignore_ascii_case(name))
    }

    /// The text placed between two scopes.
    ///
    /// ```
    /// use scope_selector_core::Separator;
    /// assert_eq!(Separator::Semicolon.text(), ";");
    /// ```
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
    ///
    /// ```
    /// use scope_selector_core::Separator;
    /// assert_eq!(Separator::Space.join(["jobsRead", "offersWrite"]), "jobsRead offersWrite");
    /// ```
    pub fn join<'a>(self, scopes: impl IntoIterator<Item = &'a str>) -> String {
        join(scopes, self.text())
    }
}
