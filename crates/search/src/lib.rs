//! `content::search` for the browser's search script (`scripts/search/ui.js`): an index
//! is loaded once, then queried as the voter types. Results cross to JavaScript as one JSON
//! string (`content::search::results_json`), which `JSON.parse` reads: less wasm than
//! building JavaScript objects field by field.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub struct Searcher(content::search::Index);

#[wasm_bindgen]
impl Searcher {
    /// The index file's text; `undefined` when it is not an index.
    pub fn load(text: &str) -> Option<Searcher> {
        content::search::Index::parse(text).map(Searcher)
    }

    /// The results for `query`, best first, as JSON.
    pub fn query(&self, query: &str) -> String {
        content::search::results_json(&self.0.search(query))
    }

    /// How many pages the index holds.
    pub fn pages(&self) -> usize {
        self.0.len()
    }
}
