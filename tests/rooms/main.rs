//! The house has no import circle: in each product crate, no file reaches itself through the
//! files it imports. The same rule the drawing of the house follows, checked in `make test` so a
//! circle cannot come back unseen.
//!
//! A file imports another when it names a path into it: `use crate::a::b::…`, `crate::a::b::…`
//! in code, or `super::…` (resolved from the file's own module). A path is taken to the deepest
//! module that is a file of the crate (`crate::service::status::X` → `service/status.rs`). A
//! module's face — `lib.rs`, `main.rs` or a `mod.rs`, and a `name.rs` beside a `name/` folder —
//! declaring or re-exporting its own children is not an import of them: that is how a folder
//! shows what is inside; a name a face re-exports from one of its rooms is that room's. Comments
//! are not imports. Tests (`tests/`, `tests.rs`, `#[cfg(test)]` onwards) are not rooms.
//! `ROOMS_DEBUG=1 cargo test -p plugboard-e2e --test rooms -- --nocapture` prints every arrow.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The product crates' source folders, from the workspace root.
const CRATES: [&str; 4] = [
    "src-tauri/core/src",
    "src-tauri/src",
    "src-tauri/cli/src",
    "src-tauri/sim/src",
];

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every room of a crate: its module path (`["service", "status"]`) → its text up to its tests.
fn rooms(src: &Path) -> BTreeMap<Vec<String>, String> {
    let mut out = BTreeMap::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                if path.file_name().is_some_and(|n| n != "tests") {
                    stack.push(path);
                }
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") || path.ends_with("tests.rs") {
                continue;
            }
            let relative = path.strip_prefix(src).unwrap().with_extension("");
            let mut module: Vec<String> = relative
                .iter()
                .map(|p| p.to_string_lossy().into_owned())
                .collect();
            if matches!(
                module.last().map(String::as_str),
                Some("mod" | "lib" | "main")
            ) {
                module.pop();
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let code = match text.find("#[cfg(test)]") {
                Some(at) => text[..at].to_string(),
                None => text,
            };
            out.insert(module, code);
        }
    }
    out
}

/// The module paths a room's code names: `crate::…` and `super::…`, resolved to absolute paths.
fn named_paths(module: &[String], is_face: bool, code: &str) -> Vec<Vec<String>> {
    // Without comments: a doc line naming a path is not an import.
    let mut uncommented = String::with_capacity(code.len());
    let mut rest = code;
    while let Some(at) = rest.find("/*") {
        uncommented.push_str(&rest[..at]);
        rest = rest[at..]
            .find("*/")
            .map_or("", |end| &rest[at + end + 2..]);
    }
    uncommented.push_str(rest);
    let code: String = uncommented
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    // `super` of a face (mod.rs) is its parent; of `name.rs` it is the folder it sits in.
    let here: Vec<String> = if is_face {
        module.to_vec()
    } else {
        module[..module.len().saturating_sub(1)].to_vec()
    };
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    for start in ["crate::", "super::"] {
        let mut from = 0;
        while let Some(at) = code[from..].find(start) {
            let begin = from + at;
            from = begin + start.len();
            if begin > 0 && (bytes[begin - 1].is_ascii_alphanumeric() || bytes[begin - 1] == b'_') {
                continue;
            }
            // The path, and any `{a, b::c}` group after it (one level is enough here).
            let rest = &code[begin..];
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(rest.len());
            let path = &rest[..end];
            let mut base: Vec<String> = Vec::new();
            let mut parts = path.split("::").filter(|p| !p.is_empty()).peekable();
            match parts.next() {
                Some("crate") => {}
                Some("super") => {
                    base = here.clone();
                    while parts.peek() == Some(&"super") {
                        parts.next();
                        base.pop();
                    }
                    base.pop();
                }
                _ => continue,
            }
            base.extend(parts.map(str::to_string));
            let group = rest[end..].starts_with('{');
            if group {
                let close = rest[end..].find('}').map_or(rest.len(), |c| end + c);
                for item in rest[end + 1..close].split(',') {
                    let mut p = base.clone();
                    p.extend(
                        item.trim()
                            .split("::")
                            .map(|s| s.trim().split(' ').next().unwrap_or("").to_string())
                            .filter(|s| !s.is_empty() && s != "self" && s != "*"),
                    );
                    out.push(p);
                }
            } else {
                out.push(base);
            }
        }
    }
    out
}

/// The import arrows between a crate's rooms (see the module's doc).
fn arrows(
    rooms: &BTreeMap<Vec<String>, String>,
    faces: &BTreeSet<Vec<String>>,
) -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    // What each face re-exports from its own rooms: `pub use child::{A, B}` → A, B → child.
    let mut reexports: BTreeMap<Vec<String>, BTreeMap<String, Vec<String>>> = BTreeMap::new();
    for face in faces {
        for line in rooms[face].split(';') {
            let Some(rest) = line.trim().strip_prefix("pub use ") else {
                continue;
            };
            let (head, names) = match rest.split_once("::{") {
                Some((head, names)) => (head, names.trim_end_matches('}').to_string()),
                None => match rest.rsplit_once("::") {
                    Some((head, name)) => (head, name.to_string()),
                    None => continue,
                },
            };
            let mut child = face.clone();
            child.extend(head.split("::").map(|p| p.trim().to_string()));
            // The deepest room of that path.
            let Some(room) = (0..=child.len())
                .rev()
                .map(|n| child[..n].to_vec())
                .find(|p| rooms.contains_key(p) && p.len() > face.len())
            else {
                continue;
            };
            for name in names.split(',') {
                let name = name.trim().split(' ').next().unwrap_or("").to_string();
                if !name.is_empty() {
                    reexports
                        .entry(face.clone())
                        .or_default()
                        .insert(name, room.clone());
                }
            }
        }
    }
    let mut out: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for (module, code) in rooms {
        let is_face = faces.contains(module);
        for path in named_paths(module, is_face, code) {
            // The deepest room the path names; a name a face re-exports from one of its own
            // rooms is that room's (`crate::service::ServiceError` → `service/error.rs`).
            let target = (0..=path.len())
                .rev()
                .map(|n| path[..n].to_vec())
                .find(|p| rooms.contains_key(p));
            let Some(mut target) = target else { continue };
            while let Some(name) = path.get(target.len()) {
                match reexports.get(&target).and_then(|names| names.get(name)) {
                    Some(from) if from != &target => target = from.clone(),
                    _ => break,
                }
            }
            if &target == module {
                continue;
            }
            // A face naming its own children shows what the folder holds: not an import.
            if target.starts_with(module) && (is_face || module.is_empty()) {
                continue;
            }
            out.entry(module.clone()).or_default().insert(target);
        }
    }
    out
}

/// Rooms that reach themselves, as circles (Tarjan's strongly connected components).
fn circles(arrows: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Vec<Vec<Vec<String>>> {
    struct Walk<'a> {
        arrows: &'a BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        index: BTreeMap<Vec<String>, usize>,
        low: BTreeMap<Vec<String>, usize>,
        stack: Vec<Vec<String>>,
        on: BTreeSet<Vec<String>>,
        found: Vec<Vec<Vec<String>>>,
    }
    impl Walk<'_> {
        fn visit(&mut self, v: &Vec<String>) {
            let n = self.index.len();
            self.index.insert(v.clone(), n);
            self.low.insert(v.clone(), n);
            self.stack.push(v.clone());
            self.on.insert(v.clone());
            for w in self.arrows.get(v).into_iter().flatten() {
                if !self.index.contains_key(w) {
                    self.visit(w);
                    let low = self.low[v].min(self.low[w]);
                    self.low.insert(v.clone(), low);
                } else if self.on.contains(w) {
                    let low = self.low[v].min(self.index[w]);
                    self.low.insert(v.clone(), low);
                }
            }
            if self.low[v] == self.index[v] {
                let mut part = Vec::new();
                while let Some(w) = self.stack.pop() {
                    self.on.remove(&w);
                    let done = &w == v;
                    part.push(w);
                    if done {
                        break;
                    }
                }
                if part.len() > 1 {
                    self.found.push(part);
                }
            }
        }
    }
    let mut walk = Walk {
        arrows,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        found: Vec::new(),
    };
    let all: BTreeSet<Vec<String>> = arrows
        .iter()
        .flat_map(|(k, v)| std::iter::once(k.clone()).chain(v.iter().cloned()))
        .collect();
    for v in &all {
        if !walk.index.contains_key(v) {
            walk.visit(v);
        }
    }
    walk.found
}

/// The circles of the crate whose sources are in `src`.
fn circles_in(src: &Path) -> Vec<Vec<Vec<String>>> {
    let rooms = rooms(src);
    // Faces: lib.rs/main.rs/mod.rs (their module is a folder), and `name.rs` beside `name/`.
    let faces: BTreeSet<Vec<String>> = rooms
        .keys()
        .filter(|m| {
            let dir = src.join(m.join("/"));
            m.is_empty() || dir.is_dir()
        })
        .cloned()
        .collect();
    let a = arrows(&rooms, &faces);
    if std::env::var_os("ROOMS_DEBUG").is_some() {
        for (k, v) in &a {
            for w in v {
                eprintln!("ARROW {} -> {}", k.join("::"), w.join("::"));
            }
        }
    }
    circles(&a)
}

fn shown(circle: &[Vec<String>]) -> String {
    circle
        .iter()
        .map(|m| format!("crate::{}", m.join("::")))
        .collect::<Vec<_>>()
        .join(" → ")
}

#[test]
fn no_product_crate_has_an_import_circle() {
    let mut found = Vec::new();
    for src in CRATES {
        let src = workspace().join(src);
        assert!(src.is_dir(), "{} is gone: update CRATES", src.display());
        for circle in circles_in(&src) {
            found.push(format!("{}: {}", src.display(), shown(&circle)));
        }
    }
    assert!(found.is_empty(), "import circles:\n{}", found.join("\n"));
}

#[test]
fn a_circle_is_seen_and_a_face_naming_its_children_is_not_one() {
    let dir = std::env::temp_dir().join(format!("plugboard-rooms-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("service")).unwrap();
    let write = |p: &str, text: &str| std::fs::write(dir.join(p), text).unwrap();
    write(
        "lib.rs",
        "pub mod faults;\npub mod store;\npub mod service;\npub use service::Thing;\n",
    );
    write("service/mod.rs", "mod model;\npub use model::Thing;\n");
    write(
        "service/model.rs",
        "use super::super::store::Shared;\npub struct Thing;\n",
    );
    write(
        "faults.rs",
        "/// Not an import: crate::store::Shared\npub struct Faults;\n",
    );
    write(
        "store.rs",
        "use crate::faults::Faults;\npub struct Shared;\n",
    );
    assert!(circles_in(&dir).is_empty(), "{:?}", circles_in(&dir));
    // faults ↔ store, as the simulator had.
    write(
        "faults.rs",
        "use crate::store::Shared;\npub struct Faults;\n",
    );
    let found = circles_in(&dir);
    assert_eq!(found.len(), 1, "{found:?}");
    let mut names: Vec<String> = found[0].iter().map(|m| m.join("::")).collect();
    names.sort();
    assert_eq!(names, ["faults", "store"]);
    // A grouped import counts too: `use crate::{faults::Faults, …}`.
    write("faults.rs", "pub struct Faults;\n");
    write(
        "service/model.rs",
        "use crate::{store::Shared};\npub struct Thing;\n",
    );
    write(
        "store.rs",
        "use crate::service::{model::Thing};\npub struct Shared;\n",
    );
    assert_eq!(circles_in(&dir).len(), 1, "{:?}", circles_in(&dir));
    let _ = std::fs::remove_dir_all(&dir);
}
