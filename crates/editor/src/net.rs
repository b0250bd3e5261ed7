//! The editor's only requests: the published site's files, fetched when the editor starts
//! (and a language's interface texts, the first time a preview needs one it did not fetch
//! then). Same-site GETs of public files, at the URLs the voter app reads them from; what
//! an editor opens or types is never sent.

use std::collections::BTreeMap;

use content::editor::Published;
use content::{CountryManifest, SiteIndex};
use election_center::preview::{index_url, manifest_url, texts_url, LANGUAGES};

pub async fn text(url: &str) -> Result<String, String> {
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|e| format!("{url}: {e}"))?;
    if response.status() != 200 {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    response.text().await.map_err(|e| format!("{url}: {e}"))
}

async fn json<T: serde::de::DeserializeOwned>(url: &str) -> Result<(T, String), String> {
    let text = text(url).await?;
    let value = serde_json::from_str(&text).map_err(|e| format!("{url}: {e}"))?;
    Ok((value, text))
}

/// The published site, as the editor checks and previews against it.
#[derive(Clone)]
pub struct Site {
    /// The interface languages, `(code, own name)` (`i18n/languages.json`).
    pub languages: Vec<(String, String)>,
    pub published: Published,
    /// Interface texts by language, as the files' text (`i18n/<lang>.json`).
    pub texts: BTreeMap<String, String>,
}

/// The interface languages first (every address and every country's languages are read
/// against them), then the site index, every country's manifest in each of its languages,
/// and the interface texts of each language a country offers (and English): the
/// languages previews are drawn in, at hand if the connection goes.
pub async fn site() -> Result<Site, String> {
    let (languages, _) = json::<Vec<(String, String)>>(LANGUAGES).await?;
    content::lang::set_languages(languages.clone());
    let (index, _) = json::<SiteIndex>(&index_url()).await?;
    let mut manifests: Vec<CountryManifest> = Vec::new();
    for country in &index.countries {
        for lang in &country.languages {
            manifests.push(json(&manifest_url(&country.code, lang)).await?.0);
        }
    }
    let mut wanted: Vec<&str> = vec![content::lang::DEFAULT_LANGUAGE];
    for lang in index.countries.iter().flat_map(|c| &c.languages) {
        if !wanted.contains(&lang.as_str()) && content::lang::Lang::parse(lang).is_some() {
            wanted.push(lang);
        }
    }
    let mut texts = BTreeMap::new();
    for lang in wanted {
        texts.insert(lang.to_owned(), text(&texts_url(lang)).await?);
    }
    Ok(Site {
        languages,
        published: Published::new(index, manifests),
        texts,
    })
}
