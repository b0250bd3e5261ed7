//! What the app remembers in the browser between visits (localStorage): the voter's
//! language choice and the last country they looked at. Nothing leaves the device.

const LANGUAGE: &str = "election-center.lang";
const COUNTRY: &str = "election-center.country";

fn storage() -> Option<web_sys::Storage> {
    leptos::prelude::window().local_storage().ok().flatten()
}

fn get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

fn set(key: &str, value: &str) {
    if let Some(storage) = storage() {
        // A full or disabled storage only means the choice is not remembered.
        let _ = storage.set_item(key, value);
    }
}

#[cfg(target_arch = "wasm32")]
pub fn saved_language() -> Option<String> {
    get(LANGUAGE)
}

pub fn save_language(lang: &str) {
    set(LANGUAGE, lang);
}

pub fn last_country() -> Option<String> {
    get(COUNTRY)
}

pub fn save_country(code: &str) {
    set(COUNTRY, code);
}

/// What is remembered now, to put back with [`restore`]: the editor's preview draws pages
/// nobody chose, which must not become a voter's last language or country.
#[cfg(all(target_arch = "wasm32", feature = "preview"))]
pub fn remembered() -> Vec<(&'static str, Option<String>)> {
    [LANGUAGE, COUNTRY].map(|key| (key, get(key))).into()
}

#[cfg(all(target_arch = "wasm32", feature = "preview"))]
pub fn restore(saved: &[(&'static str, Option<String>)]) {
    for (key, value) in saved {
        match value {
            Some(value) => set(key, value),
            None => {
                if let Some(storage) = storage() {
                    let _ = storage.remove_item(key);
                }
            }
        }
    }
}
