//! A small `multipart/form-data` parser for asserting on uploads.

/// One part of a multipart body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// The form field name.
    pub name: String,
    /// The file name, for file parts.
    pub file_name: Option<String>,
    /// The part's `Content-Type`, when sent.
    pub content_type: Option<String>,
    /// The part's bytes.
    pub data: Vec<u8>,
}

impl Part {
    /// The part's bytes as text (lossy).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.data).into_owned()
    }
}

/// Parses a body sent with `content_type` (`multipart/form-data; boundary=...`).
pub fn parse(content_type: &str, body: &[u8]) -> Result<Vec<Part>, String> {
    let (kind, params) = content_type.split_once(';').unwrap_or((content_type, ""));
    if !kind.trim().eq_ignore_ascii_case("multipart/form-data") {
        return Err(format!("content type is `{content_type}`"));
    }
    let boundary = params
        .split(';')
        .filter_map(|param| param.trim().strip_prefix("boundary="))
        .map(|value| value.trim_matches('"'))
        .next()
        .ok_or("no boundary parameter")?;
    let delimiter = format!("--{boundary}").into_bytes();
    let mut sections = split(body, &delimiter);
    if sections.is_empty() {
        return Err("no boundary in body".into());
    }
    sections.remove(0); // preamble
    let mut parts = Vec::new();
    for section in sections {
        if section.starts_with(b"--") {
            return Ok(parts);
        }
        let section = section
            .strip_prefix(b"\r\n")
            .ok_or("missing CRLF after boundary")?;
        let section = section
            .strip_suffix(b"\r\n")
            .ok_or("missing CRLF before boundary")?;
        let split_at = find(section, b"\r\n\r\n").ok_or("part without header end")?;
        let head = String::from_utf8_lossy(&section[..split_at]).into_owned();
        parts.push(part(&head, section[split_at + 4..].to_vec())?);
    }
    Err("missing closing boundary".into())
}

fn part(head: &str, data: Vec<u8>) -> Result<Part, String> {
    let mut name = None;
    let mut file_name = None;
    let mut content_type = None;
    for line in head.split("\r\n") {
        let (header, value) = line.split_once(':').ok_or("malformed part header")?;
        match header.trim().to_ascii_lowercase().as_str() {
            "content-disposition" => {
                for param in value.split(';').skip(1) {
                    let (key, quoted) = param.trim().split_once('=').ok_or("bad parameter")?;
                    let text = quoted.trim_matches('"').to_owned();
                    match key {
                        "name" => name = Some(text),
                        "filename" => file_name = Some(text),
                        _ => {}
                    }
                }
            }
            "content-type" => content_type = Some(value.trim().to_owned()),
            _ => {}
        }
    }
    Ok(Part {
        name: name.ok_or("part without a name")?,
        file_name,
        content_type,
        data,
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

fn split<'a>(body: &'a [u8], delimiter: &[u8]) -> Vec<&'a [u8]> {
    let mut sections = Vec::new();
    let mut rest = body;
    while let Some(at) = find(rest, delimiter) {
        sections.push(&rest[..at]);
        rest = &rest[at + delimiter.len()..];
    }
    sections.push(rest);
    sections
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_file_and_text_parts() {
        let body = b"--b\r\nContent-Disposition: form-data; name=\"image\"; filename=\"n.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8\r\n--b\r\nContent-Disposition: form-data; name=\"url\"\r\n\r\nhttps://x\r\n--b--\r\n";
        let parts = parse("multipart/form-data; boundary=b", body).unwrap();
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].name, "image");
        assert_eq!(parts[0].file_name.as_deref(), Some("n.jpg"));
        assert_eq!(parts[0].content_type.as_deref(), Some("image/jpeg"));
        assert_eq!(parts[0].data, b"\xff\xd8");
        assert_eq!(parts[1].text(), "https://x");
        assert!(parts[1].file_name.is_none());
    }

    #[test]
    fn rejects_other_bodies() {
        assert!(parse("application/json", b"{}").is_err());
        assert!(parse("multipart/form-data; boundary=b", b"--b\r\nno end").is_err());
    }
}
