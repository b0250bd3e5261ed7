//! Files opened with the file or folder chooser, or dropped (files and folders): read into
//! memory with the File API, as `content-cli` reads a tree: `.md` and `.toml` files as text
//! (UTF-8, at most the format's limit; `content::limits::decode`), any other file (media)
//! by its path only. Nothing is sent anywhere.

use content::editor::content_relative;
use content::Diagnostic;
use js_sys::{Array, Function, Promise, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DataTransfer, File, FileList, FileSystemDirectoryEntry, FileSystemEntry, FileSystemFileEntry,
};

/// A text file, by the path it was opened with (a folder's relative path, or its name).
pub struct TextFile {
    pub opened_as: String,
    pub text: String,
    /// When it is not UTF-8 (its text then has replacement characters).
    pub problem: Option<Diagnostic>,
}

#[derive(Default)]
pub struct Read {
    pub texts: Vec<TextFile>,
    /// The other files, relative to the content root (`ro/media/x.png`), as the checker
    /// names them.
    pub media: Vec<String>,
}

impl Read {
    async fn add(&mut self, opened_as: String, file: &File) {
        let name = opened_as.rsplit(['/', '\\']).next().unwrap_or_default();
        if name.ends_with(".md") || name.ends_with(".toml") {
            let bytes = bytes(file).await;
            let (source, problem) = content::limits::decode(opened_as.clone(), bytes);
            self.texts.push(TextFile {
                opened_as,
                text: source.text,
                problem,
            });
        } else if !name.starts_with('.') {
            self.media.push(content_relative(&opened_as).join("/"));
        }
    }
}

/// At most one byte past the format's limit: a larger file is refused unread, however
/// large (as `content-cli` reads files).
async fn bytes(file: &File) -> Vec<u8> {
    let limit = content::limits::MAX_FILE_BYTES as f64 + 1.0;
    let Ok(blob) = file.slice_with_f64_and_f64(0.0, limit) else {
        return Vec::new();
    };
    match JsFuture::from(blob.array_buffer()).await {
        Ok(buffer) => Uint8Array::new(&buffer).to_vec(),
        Err(_) => Vec::new(),
    }
}

/// The path a chosen file was opened with: its path in the chosen folder, else its name.
fn opened_as(file: &File) -> String {
    js_sys::Reflect::get(file, &JsValue::from_str("webkitRelativePath"))
        .ok()
        .and_then(|p| p.as_string())
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| file.name())
}

/// The files of a file chooser (`multiple`, or `webkitdirectory` for a folder).
pub async fn from_list(list: FileList) -> Read {
    let mut read = Read::default();
    for i in 0..list.length() {
        if let Some(file) = list.get(i) {
            read.add(opened_as(&file), &file).await;
        }
    }
    read
}

/// The entries of a drop, taken while the drop event runs (the browser empties the list
/// after it): dropped folders are walked afterwards with [`from_entries`].
pub fn entries(data: &DataTransfer) -> Vec<FileSystemEntry> {
    let items = data.items();
    (0..items.length())
        .filter_map(|i| items.get(i)?.webkit_get_as_entry().ok().flatten())
        .collect()
}

pub async fn from_entries(entries: Vec<FileSystemEntry>) -> Read {
    let mut read = Read::default();
    let mut stack = entries;
    while let Some(entry) = stack.pop() {
        // `/content/ro/guides/x.en.md`: from the dropped folder's name on.
        let path = entry.full_path().trim_start_matches('/').to_owned();
        if entry.is_file() {
            let entry: FileSystemFileEntry = entry.unchecked_into();
            let file = callback(|ok, err| entry.file_with_callback_and_callback(ok, err)).await;
            if let Some(file) = file.and_then(|f| f.dyn_into::<File>().ok()) {
                read.add(path, &file).await;
            }
        } else if entry.is_directory() {
            let dir: FileSystemDirectoryEntry = entry.unchecked_into();
            let reader = dir.create_reader();
            // Each call gives the next batch, an empty one at the end.
            loop {
                let batch = callback(|ok, err| {
                    let _ = reader.read_entries_with_callback_and_callback(ok, err);
                })
                .await;
                let batch: Array = batch.map(JsCast::unchecked_into).unwrap_or_default();
                if batch.length() == 0 {
                    break;
                }
                stack.extend(batch.iter().map(JsCast::unchecked_into::<FileSystemEntry>));
            }
        }
    }
    read
}

/// The value a callback-style browser API gives, `None` if it fails.
async fn callback(call: impl FnOnce(&Function, &Function)) -> Option<JsValue> {
    let mut call = Some(call);
    let promise = Promise::new(&mut |ok, err| {
        if let Some(call) = call.take() {
            call(&ok, &err);
        }
    });
    JsFuture::from(promise).await.ok()
}
