//! Dates, times and durations for display, through the browser's `Intl`: it knows every
//! locale and IANA time zone, so the wasm ships no locale or zone data.

use js_sys::{Array, Date, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

fn format_with(date: &Date, lang: &str, options: &[(&str, &str)]) -> String {
    let opts = Object::new();
    for (key, value) in options {
        let _ = Reflect::set(&opts, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    let locales = Array::of1(&JsValue::from_str(lang));
    let formatter = Intl::DateTimeFormat::new(&locales, &opts);
    formatter
        .format()
        .call1(&JsValue::NULL, date)
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// A calendar day (`2024-06-30`) as the voter's language writes it ("30 June 2024").
pub fn date(day: &str, lang: &str) -> String {
    // Midnight UTC, formatted in UTC: the same day everywhere.
    let d = Date::new(&JsValue::from_str(&format!("{day}T00:00:00Z")));
    format_with(&d, lang, &[("dateStyle", "long"), ("timeZone", "UTC")])
}

/// An instant (`2025-05-04T04:00:00Z`) as wall-clock time in `zone`.
pub fn instant(utc: &str, zone: &str, lang: &str) -> String {
    let d = Date::new(&JsValue::from_str(utc));
    format_with(
        &d,
        lang,
        &[
            ("dateStyle", "long"),
            ("timeStyle", "short"),
            ("timeZone", zone),
        ],
    )
}

/// `155` → `2:35`; `3723` → `1:02:03`.
pub fn duration(seconds: u32) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}
