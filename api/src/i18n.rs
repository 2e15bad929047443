//! The service's own words in the person's language: Project Fluent catalogues
//! (`api/locales/<language>/messages.ftl`, built into the binary), the format the web app's
//! catalogue uses too. Which language: what the request asks for (`Accept-Language`, which the
//! web app sets to the language chosen in it), negotiated with `fluent-langneg`; a flow keeps
//! the language it started in.

use std::collections::HashMap;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_langneg::{NegotiationStrategy, accepted_languages, negotiate_languages};
use serde::{Deserialize, Serialize};
use unic_langid::LanguageIdentifier;
use utoipa::ToSchema;

/// A language the service speaks: English, German, French, Spanish or Arabic.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    De,
    Fr,
    Es,
    Ar,
}

impl Lang {
    pub const ALL: [Lang; 5] = [Lang::En, Lang::De, Lang::Fr, Lang::Es, Lang::Ar];

    /// Its language tag (`en`, `de`, …), as stored and as the web app names it.
    pub const fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Ar => "ar",
        }
    }

    /// The language a stored tag names (English for one this version does not know).
    pub fn of(code: &str) -> Lang {
        Lang::ALL
            .into_iter()
            .find(|l| l.code() == code)
            .unwrap_or_default()
    }

    /// The best of ours for an `Accept-Language` header, if one fits.
    pub fn negotiate(accept_language: Option<&str>) -> Option<Lang> {
        let requested = accepted_languages::parse(accept_language.unwrap_or_default());
        let available: Vec<LanguageIdentifier> = Lang::ALL
            .iter()
            .filter_map(|l| l.code().parse().ok())
            .collect();
        let chosen =
            negotiate_languages(&requested, &available, None, NegotiationStrategy::Filtering);
        chosen.first().map(|id| Lang::of(id.language.as_str()))
    }

    /// The `language` of TwiML's `<Say>` (the voice that reads the code).
    pub const fn voice(self) -> &'static str {
        match self {
            Lang::En => "en-US",
            Lang::De => "de-DE",
            Lang::Fr => "fr-FR",
            Lang::Es => "es-ES",
            Lang::Ar => "arb",
        }
    }
}

fn langid(lang: Lang) -> LanguageIdentifier {
    // The tags above are valid language identifiers.
    lang.code().parse().unwrap_or_default()
}

const CATALOGUES: [(Lang, &str); 5] = [
    (Lang::En, include_str!("../locales/en/messages.ftl")),
    (Lang::De, include_str!("../locales/de/messages.ftl")),
    (Lang::Fr, include_str!("../locales/fr/messages.ftl")),
    (Lang::Es, include_str!("../locales/es/messages.ftl")),
    (Lang::Ar, include_str!("../locales/ar/messages.ftl")),
];

type Bundle = FluentBundle<FluentResource>;

static BUNDLES: LazyLock<HashMap<Lang, Bundle>> = LazyLock::new(|| {
    CATALOGUES
        .iter()
        .map(|(lang, text)| {
            let mut bundle = Bundle::new_concurrent(vec![langid(*lang)]);
            // Isolation marks would end up in texts and emails as invisible characters.
            bundle.set_use_isolating(false);
            match FluentResource::try_new((*text).to_owned()) {
                Ok(resource) => {
                    if let Err(errors) = bundle.add_resource(resource) {
                        tracing::error!(lang = lang.code(), ?errors, "catalogue");
                    }
                }
                Err((_, errors)) => tracing::error!(lang = lang.code(), ?errors, "catalogue"),
            }
            (*lang, bundle)
        })
        .collect()
});

/// Values for a message's variables.
pub type Args<'a> = &'a [(&'a str, Arg<'a>)];

/// One variable's value: text, or a number (which chooses plural forms).
#[derive(Clone, Copy, Debug)]
pub enum Arg<'a> {
    Text(&'a str),
    Number(i64),
}

fn format(lang: Lang, id: &str, args: Args<'_>) -> Option<String> {
    let bundle = BUNDLES.get(&lang)?;
    let pattern = bundle.get_message(id)?.value()?;
    let mut fluent = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Text(text) => fluent.set(*name, FluentValue::from(*text)),
            Arg::Number(n) => fluent.set(*name, FluentValue::from(*n)),
        }
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent), &mut errors);
    errors.is_empty().then(|| text.into_owned())
}

/// The message `id` in `lang`, filled from `args`; English when `lang` lacks it, the id itself
/// when English does too (the catalogue test keeps both from happening).
pub fn text(lang: Lang, id: &str, args: Args<'_>) -> String {
    format(lang, id, args)
        .or_else(|| format(Lang::En, id, args))
        .unwrap_or_else(|| id.to_owned())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    /// Message ids and the variables each one uses, read off the catalogue text.
    fn shape(text: &str) -> BTreeSet<(String, BTreeSet<String>)> {
        let mut out = BTreeSet::new();
        let mut current: Option<(String, BTreeSet<String>)> = None;
        for line in text.lines() {
            if let Some((id, _)) = line.split_once(" =")
                && !line.starts_with(' ')
                && !line.starts_with('#')
            {
                out.extend(current.take());
                current = Some((id.to_owned(), BTreeSet::new()));
            }
            if let Some((_, vars)) = current.as_mut() {
                for part in line.split("{ $").skip(1) {
                    let name: String = part
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    vars.insert(name);
                }
            }
        }
        out.extend(current);
        out
    }

    #[test]
    fn every_language_has_every_message_with_the_same_variables() {
        let english = shape(CATALOGUES[0].1);
        assert!(!english.is_empty());
        for (lang, text) in CATALOGUES {
            assert!(
                FluentResource::try_new(text.to_owned()).is_ok(),
                "{lang:?} parses"
            );
            assert_eq!(shape(text), english, "{lang:?}");
        }
    }

    #[test]
    fn every_message_formats_in_every_language() {
        let args: Args<'_> = &[
            ("org", Arg::Text("Example")),
            ("code", Arg::Text("123456")),
            ("digits", Arg::Text("1, 2, 3")),
            ("minutes", Arg::Number(10)),
            ("url", Arg::Text("https://help.example")),
            ("email", Arg::Text("help@example.com")),
            ("name", Arg::Text("Alex")),
            ("when", Arg::Text("2026-12-07 10:30 UTC")),
            ("change", Arg::Text("x")),
            ("administrator", Arg::Text("admin")),
            ("purpose", Arg::Text("step_up")),
            ("left", Arg::Number(2)),
            ("total", Arg::Number(10)),
            ("failures", Arg::Number(5)),
            ("link", Arg::Text("https://x")),
            ("method", Arg::Text("m")),
            ("detail", Arg::Text("d")),
        ];
        for (lang, text) in CATALOGUES {
            for (id, _) in shape(text) {
                assert!(format(lang, &id, args).is_some(), "{lang:?} {id}");
            }
        }
    }

    #[test]
    fn plurals_follow_the_language() {
        let one = text(
            Lang::En,
            "code-sms",
            &[
                ("code", Arg::Text("1")),
                ("org", Arg::Text("X")),
                ("minutes", Arg::Number(1)),
            ],
        );
        assert!(one.contains("1 minute."), "{one}");
        let ten = text(
            Lang::De,
            "code-sms",
            &[
                ("code", Arg::Text("1")),
                ("org", Arg::Text("X")),
                ("minutes", Arg::Number(10)),
            ],
        );
        assert!(ten.contains("10 Minuten"), "{ten}");
    }

    #[test]
    fn the_language_is_negotiated_from_accept_language() {
        assert_eq!(
            Lang::negotiate(Some("de-AT,de;q=0.9,en;q=0.5")),
            Some(Lang::De)
        );
        assert_eq!(Lang::negotiate(Some("pt-BR, fr-CA;q=0.8")), Some(Lang::Fr));
        assert_eq!(Lang::negotiate(Some("ar-EG")), Some(Lang::Ar));
        assert_eq!(Lang::negotiate(Some("en-GB")), Some(Lang::En));
        assert_eq!(Lang::negotiate(Some("pt-BR")), None);
        assert_eq!(Lang::negotiate(None), None);
        assert_eq!(Lang::negotiate(Some("**garbage**")), None);
        for lang in Lang::ALL {
            assert_eq!(Lang::of(lang.code()), lang);
        }
    }
}
