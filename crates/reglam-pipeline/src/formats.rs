//! The output formats, in one registry: `reglam emit --format` offers them and `reglam build`
//! writes them, so a new format is one entry in [`FORMATS`].

use reglam_emit::{dot, json, markdown, mermaid};
use reglam_interchange::{bpmn, scxml, ExportError};
use reglam_model::{Channel, Corpus, Lang, Regulation, Scenario};

/// Writes one channel; an error when the format cannot express it.
pub type ChannelFn = fn(&Regulation, &Scenario, &Channel, Lang) -> Result<String, ExportError>;

/// How a format renders, which is also what it needs.
#[derive(Clone, Copy)]
pub enum Render {
    /// A whole regulation as a document (every channel, whatever is selected).
    Regulation(fn(&Corpus, &Regulation, Lang) -> String),
    /// The model as data: the regulations and channels selected, with their acts and standards.
    Model(fn(&Corpus, &Selection) -> String),
    /// One document per channel.
    Channel(ChannelFn),
}

/// One output format.
pub struct Format {
    /// Its name on the command line.
    pub name: &'static str,
    /// The extension of its files.
    pub extension: &'static str,
    /// What it is, for `--help`.
    pub about: &'static str,
    /// Only one channel at a time (an XML document has one root).
    pub one_channel: bool,
    /// `reglam build` writes it in both languages whatever it is asked for, file names
    /// carrying the language (`x.ru.md`); other formats are written in one language (see
    /// [`BuildLangs`]).
    pub both_langs: bool,
    pub render: Render,
}

/// Every output format, in the order `reglam emit --help` lists them.
pub static FORMATS: &[Format] = &[
    Format {
        name: "dot",
        extension: "dot",
        about: "Graphviz DOT, one digraph per channel",
        one_channel: false,
        both_langs: false,
        render: Render::Channel(|r, s, c, l| Ok(dot::channel(r, s, c, l))),
    },
    Format {
        name: "mermaid",
        extension: "mmd",
        about: "Mermaid flowcharts, one per channel",
        one_channel: false,
        both_langs: false,
        render: Render::Channel(|r, s, c, l| Ok(mermaid::channel(r, s, c, l))),
    },
    Format {
        name: "json",
        extension: "json",
        about: "The verified model as JSON (docs/schema/reglam-model.schema.json)",
        one_channel: false,
        both_langs: false,
        render: Render::Model(model_json),
    },
    Format {
        name: "md",
        extension: "md",
        about: "The whole regulation as a Markdown document in the acts' structure (`--lang ru|kk`); `--channel` and `--scenario` are checked but the document always has every channel",
        one_channel: false,
        both_langs: true,
        render: Render::Regulation(markdown::render),
    },
    Format {
        name: "scxml",
        extension: "scxml",
        about: "W3C SCXML of one channel (`--channel` required; docs/interchange.md)",
        one_channel: true,
        both_langs: false,
        render: Render::Channel(scxml::channel),
    },
    Format {
        name: "bpmn",
        extension: "bpmn",
        about: "BPMN 2.0 XML with diagram layout, one document per channel (docs/interchange.md)",
        one_channel: true,
        both_langs: false,
        render: Render::Channel(bpmn::channel),
    },
];

/// The format called `name`.
pub fn find(name: &str) -> Option<&'static Format> {
    FORMATS.iter().find(|f| f.name == name)
}

/// What to write: regulations, and of them the channels chosen as (regulation, scenario,
/// channel) indices.
pub struct Selection<'a> {
    pub regulations: Vec<&'a Regulation>,
    pub channels: Vec<(usize, usize, usize)>,
}

impl<'a> Selection<'a> {
    /// Every channel of the regulations.
    pub fn all(regulations: Vec<&'a Regulation>) -> Self {
        let mut channels = Vec::new();
        for (ri, r) in regulations.iter().enumerate() {
            for (si, s) in r.scenarios.iter().enumerate() {
                for ci in 0..s.channels.len() {
                    channels.push((ri, si, ci));
                }
            }
        }
        Selection {
            regulations,
            channels,
        }
    }
}

/// The JSON model of the selection.
fn model_json(corpus: &Corpus, selection: &Selection) -> String {
    let mut doc = json::document(corpus);
    let ids: Vec<&str> = selection
        .regulations
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    doc.regulations.retain(|r| ids.contains(&r.id.as_str()));
    // Keep only the chosen scenarios and channels.
    for (ri, r) in doc.regulations.iter_mut().enumerate() {
        for (si, s) in r.scenarios.iter_mut().enumerate() {
            let mut ci = 0;
            s.channels.retain(|_| {
                let keep = selection.channels.contains(&(ri, si, ci));
                ci += 1;
                keep
            });
        }
        r.scenarios.retain(|s| !s.channels.is_empty());
    }
    json::to_string(&doc)
}

impl Format {
    /// The selection in this format, as `reglam emit` writes it: channels one after another,
    /// documents separated by a blank line; in `lang`, or by default each regulation's own.
    pub fn emit(
        &self,
        corpus: &Corpus,
        selection: &Selection,
        lang: Option<Lang>,
    ) -> Result<String, ExportError> {
        Ok(match self.render {
            Render::Channel(f) => {
                let mut parts = Vec::new();
                for &(ri, si, ci) in &selection.channels {
                    let r = selection.regulations[ri];
                    let s = &r.scenarios[si];
                    parts.push(f(r, s, &s.channels[ci], lang.unwrap_or(r.lang))?);
                }
                parts.join("\n")
            }
            Render::Regulation(f) => {
                let docs: Vec<String> = selection
                    .regulations
                    .iter()
                    .map(|r| f(corpus, r, lang.unwrap_or(r.lang)))
                    .collect();
                docs.join("\n\n") + "\n"
            }
            Render::Model(f) => f(corpus, selection),
        })
    }

    /// Whether it renders per channel.
    pub fn per_channel(&self) -> bool {
        matches!(self.render, Render::Channel(_))
    }

    /// The languages `reglam build` writes this format in for a regulation in `own`, each with
    /// the suffix of its file (`dot` in one language, `ru.dot` and `kk.dot` in both). The model
    /// as data holds both languages: one file.
    pub fn build_files(&self, own: Lang, langs: BuildLangs) -> Vec<(Lang, String)> {
        let both = |ext: &str| {
            [Lang::Ru, Lang::Kk]
                .into_iter()
                .map(|l| (l, format!("{}.{ext}", l.code())))
                .collect()
        };
        match (self.render, langs) {
            (Render::Model(_), _) => vec![(own, self.extension.to_string())],
            (_, BuildLangs::Both) => both(self.extension),
            _ if self.both_langs => both(self.extension),
            (_, BuildLangs::Own) => vec![(own, self.extension.to_string())],
            (_, BuildLangs::Only(l)) => vec![(l, self.extension.to_string())],
        }
    }
}

/// The languages `reglam build` writes documents and diagrams in (Markdown is always in both).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum BuildLangs {
    /// Each regulation's own (its file's `lang`).
    #[default]
    Own,
    /// This one for every regulation.
    Only(Lang),
    /// Both, file names carrying the language (`x.ru.dot`, `x.kk.dot`).
    Both,
}
