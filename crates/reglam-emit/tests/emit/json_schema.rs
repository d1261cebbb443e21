//! The JSON of every corpus regulation validates against docs/schema/reglam-model.schema.json
//! and reads back into the same typed document.
//!
//! The validator below covers the keywords the schema uses (type, properties, required,
//! additionalProperties, items, enum, const, minimum, $ref, anyOf, oneOf); any other keyword in
//! the schema fails the test, so the schema cannot grow past what is checked.

use crate::support;
use reglam_emit::json::{self, Document};
use serde_json::Value;

fn schema() -> Value {
    let text =
        std::fs::read_to_string(support::repo().join("docs/schema/reglam-model.schema.json"))
            .expect("the schema is in docs/schema");
    serde_json::from_str(&text).expect("the schema is JSON")
}

fn type_ok(t: &str, v: &Value) -> bool {
    match t {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "integer" => v.is_u64() || v.is_i64(),
        "number" => v.is_number(),
        "boolean" => v.is_boolean(),
        "null" => v.is_null(),
        other => panic!("unknown type {other}"),
    }
}

const KNOWN: &[&str] = &[
    "$schema",
    "$id",
    "$defs",
    "title",
    "description",
    "type",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "enum",
    "const",
    "minimum",
    "$ref",
    "anyOf",
    "oneOf",
];

/// Appends to `errors` every way `v` breaks `s`, with the JSON path.
fn validate(root: &Value, s: &Value, v: &Value, path: &str, errors: &mut Vec<String>) {
    let s = s.as_object().expect("a schema is an object");
    for k in s.keys() {
        assert!(KNOWN.contains(&k.as_str()), "the test does not check `{k}`");
    }
    if let Some(r) = s.get("$ref").and_then(Value::as_str) {
        let name = r.strip_prefix("#/$defs/").expect("local refs only");
        let target = &root["$defs"][name];
        assert!(!target.is_null(), "unknown $ref {r}");
        validate(root, target, v, path, errors);
    }
    match s.get("type") {
        Some(Value::String(t)) if !type_ok(t, v) => errors.push(format!("{path}: not {t}: {v}")),
        Some(Value::Array(ts)) if !ts.iter().any(|t| type_ok(t.as_str().unwrap(), v)) => {
            errors.push(format!("{path}: not any of {ts:?}: {v}"))
        }
        _ => {}
    }
    if let Some(Value::Array(options)) = s.get("enum") {
        if !options.contains(v) {
            errors.push(format!("{path}: {v} not in {options:?}"));
        }
    }
    if let Some(c) = s.get("const") {
        if c != v {
            errors.push(format!("{path}: {v} is not {c}"));
        }
    }
    if let (Some(min), Some(n)) = (s.get("minimum").and_then(Value::as_i64), v.as_i64()) {
        if n < min {
            errors.push(format!("{path}: {n} < {min}"));
        }
    }
    for (key, need) in [("anyOf", 0usize), ("oneOf", 1)] {
        if let Some(Value::Array(subs)) = s.get(key) {
            let passing = subs
                .iter()
                .filter(|sub| {
                    let mut e = Vec::new();
                    validate(root, sub, v, path, &mut e);
                    e.is_empty()
                })
                .count();
            let ok = if need == 0 { passing > 0 } else { passing == 1 };
            if !ok {
                errors.push(format!("{path}: {passing} of the {key} schemas match {v}"));
            }
        }
    }
    if let Some(obj) = v.as_object() {
        let props = s.get("properties").and_then(Value::as_object);
        if let Some(Value::Array(req)) = s.get("required") {
            for r in req {
                if !obj.contains_key(r.as_str().unwrap()) {
                    errors.push(format!("{path}: missing {r}"));
                }
            }
        }
        for (k, x) in obj {
            match props.and_then(|p| p.get(k)) {
                Some(sub) => validate(root, sub, x, &format!("{path}.{k}"), errors),
                None if s.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    errors.push(format!("{path}: unexpected field {k}"))
                }
                None => {}
            }
        }
    }
    if let (Some(items), Some(arr)) = (s.get("items"), v.as_array()) {
        for (i, x) in arr.iter().enumerate() {
            validate(root, items, x, &format!("{path}[{i}]"), errors);
        }
    }
}

fn errors(v: &Value) -> Vec<String> {
    let root = schema();
    let mut e = Vec::new();
    validate(&root, &root, v, "$", &mut e);
    e
}

#[test]
fn every_corpus_regulation_validates_and_reads_back() {
    let mut regs = 0;
    for rel in support::corpus_files() {
        let a = support::analyse(&rel);
        let doc = json::document(&a.corpus);
        regs += support::regulations(&a).len();
        let text = json::to_string(&doc);
        let value: Value = serde_json::from_str(&text).unwrap();
        let e = errors(&value);
        assert!(e.is_empty(), "{rel}:\n{}", e[..e.len().min(20)].join("\n"));
        // Typed round trip: the same document, and the same bytes when written again.
        let back: Document = serde_json::from_str(&text).unwrap();
        assert_eq!(back, doc, "{rel}");
        assert_eq!(json::to_string(&back), text, "{rel}");
        // Untyped round trip.
        let again: Value = serde_json::from_str(&serde_json::to_string(&value).unwrap()).unwrap();
        assert_eq!(again, value);
    }
    assert!(regs >= 40, "only {regs} regulations");
}

#[test]
fn the_validator_rejects_broken_documents() {
    let a = support::analyse("regulations/atyrau-2015-293/01-oralman_status.reglam");
    let good = serde_json::to_value(json::document(&a.corpus)).unwrap();
    assert!(errors(&good).is_empty());

    let mut missing = good.clone();
    missing["regulations"][0]["scenarios"][0]["channels"][0]
        .as_object_mut()
        .unwrap()
        .remove("verdict");
    assert!(errors(&missing)
        .iter()
        .any(|e| e.contains("missing \"verdict\"")));

    let mut wrong = good.clone();
    wrong["regulations"][0]["scenarios"][0]["channels"][0]["nodes"][0]["kind"] =
        Value::String("teleport".into());
    assert!(!errors(&wrong).is_empty());

    let mut extra = good.clone();
    extra["regulations"][0]["actors"][0]["colour"] = Value::String("red".into());
    assert!(errors(&extra)
        .iter()
        .any(|e| e.contains("unexpected field colour")));

    let mut fit = good;
    fit["regulations"][0]["scenarios"][0]["channels"][0]["verdict"]["fit"] =
        serde_json::json!({"verdict": "fits", "by": {"working_minutes": 1}});
    assert!(!errors(&fit).is_empty());
}

/// A channel of `n` conditions, each refusing to one outcome.
fn conditions(n: usize) -> String {
    let mut s = String::from(
        "regulation reg {\n  title ru \"Р\"\n  form paper\n  deadline 5000 wd\n  actor a ru \"а\"\n  channel provider provider {\n",
    );
    for i in 0..n {
        s.push_str(&format!(
            "    check c{i} a 1 min \"условие {i}\" else refused\n"
        ));
    }
    s.push_str("    outcome issued result \"выдано\"\n    outcome refused reasoned-refusal \"отказ\"\n  }\n}\n");
    s
}

/// Path steps the JSON document made the model write out, for `n` conditions.
fn json_work(n: usize) -> usize {
    let a = reglam_testkit::analyse_files(&[("t.reglam", conditions(n).as_bytes())]);
    let _ = reglam_emit::json::to_string(&reglam_emit::json::document(&a.corpus));
    a.corpus
        .regulations
        .iter()
        .flat_map(|r| r.channels())
        .map(|(_, c)| c.paths.steps_written_out())
        .sum()
}

/// 3,000 conditions took 3.1 GB in `emit json`: every node's `worst_to` wrote out its whole
/// worst path, quadratic in a long chain, to read its total. The work at four times the size
/// is about four times as much.
#[test]
fn the_json_document_is_linear_in_a_long_channel() {
    let (small, large) = (json_work(500), json_work(2_000));
    assert!(
        large <= 5 * small,
        "4 × the conditions wrote out {large} path steps against {small}"
    );
}
