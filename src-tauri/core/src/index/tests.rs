//! The index: concurrent writers, versions, names, a file it cannot read, no secret fields.

use super::*;
use crate::catalogue::MethodKind;

fn record(id: &str, account: &str) -> ConnectionRecord {
    ConnectionRecord {
        scopes: vec!["oauth".into()],
        expires_at: Some(1_790_001_800),
        ..ConnectionRecord::new(
            ConnectionId::parse(id).unwrap(),
            "hubspot",
            MethodKind::AuthorizationCode,
            account.into(),
            1_790_000_000,
        )
    }
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("plugboard-index-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    dir
}

#[test]
fn concurrent_writers_never_lose_each_others_records() {
    // Eight writers at once (as the window and several shells could be), each adding its own
    // connection and re-saving it: without the lock file, read-modify-write loses records.
    let dir = temp_dir("concurrent");
    let index = Index::in_dir(&dir);
    let writers: Vec<_> = (0..8)
        .map(|i| {
            let index = index.clone();
            std::thread::spawn(move || {
                for round in 0..10 {
                    let account = format!("writer {i} round {round}");
                    index
                        .upsert(record(&format!("hubspot-0000000{i}"), &account))
                        .unwrap();
                }
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }
    let all = index.load().unwrap();
    assert_eq!(all.len(), 8, "{all:?}");
    assert!(all.iter().all(|r| r.account.ends_with("round 9")));
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn a_missing_index_is_empty_and_records_round_trip() {
    let dir = temp_dir("roundtrip");
    let index = Index::in_dir(&dir);
    assert_eq!(index.load().unwrap(), []);
    index.upsert(record("hubspot-a", "a.example.com")).unwrap();
    index.upsert(record("hubspot-b", "b.example.com")).unwrap();
    index.upsert(record("hubspot-a", "a2.example.com")).unwrap();
    let all = index.load().unwrap();
    assert_eq!(
        all.iter().map(|c| c.account.as_str()).collect::<Vec<_>>(),
        ["a2.example.com", "b.example.com"]
    );
    assert!(index
        .remove(&ConnectionId::parse("hubspot-a").unwrap())
        .unwrap());
    assert!(!index
        .remove(&ConnectionId::parse("hubspot-a").unwrap())
        .unwrap());
    assert_eq!(index.load().unwrap().len(), 1);
    let mut leftovers: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    leftovers.sort();
    assert_eq!(
        leftovers,
        [
            std::ffi::OsString::from(".connections.json.lock"),
            std::ffi::OsString::from("connections.json")
        ],
        "no temporary files left (the empty lock file stays)"
    );
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn an_unreadable_index_is_reported_and_left_untouched() {
    let dir = temp_dir("corrupt");
    fs::create_dir_all(&dir).unwrap();
    let index = Index::in_dir(&dir);
    fs::write(index.path(), "{ not json").unwrap();
    assert!(matches!(index.load(), Err(IndexError::Unreadable { .. })));
    assert!(index.upsert(record("hubspot-a", "a")).is_err());
    assert_eq!(fs::read_to_string(index.path()).unwrap(), "{ not json");
    fs::remove_dir_all(dir).unwrap();
}

/// Sets the file's modification time `seconds` into the past (an index written a while ago).
fn age(path: &Path, seconds: u64) {
    let file = fs::File::options().write(true).open(path).unwrap();
    file.set_modified(SystemTime::now() - Duration::from_secs(seconds))
        .unwrap();
}

#[test]
fn the_file_is_read_again_only_when_it_changed() {
    let dir = temp_dir("cache");
    let index = Index::in_dir(&dir);
    index.upsert(record("hubspot-a", "a")).unwrap();
    age(index.path(), 60);
    let reads = index.reads();
    for _ in 0..5 {
        assert_eq!(index.load().unwrap().len(), 1);
    }
    assert_eq!(
        index.reads(),
        reads + 1,
        "one read for five loads of a settled file"
    );

    // Another process (a clone stands for it) writes: the next load sees it at once.
    let other = Index::in_dir(&dir);
    other.upsert(record("hubspot-b", "b")).unwrap();
    assert_eq!(index.load().unwrap().len(), 2);
    // Just written, so not trusted to its stamp yet: read each time until it settles.
    index.load().unwrap();
    assert_eq!(index.reads(), reads + 3);
    age(index.path(), 60);
    index.load().unwrap();
    index.load().unwrap();
    assert_eq!(index.reads(), reads + 4);

    // The same size and time but a new file (a rename over it): read again.
    let text = fs::read_to_string(index.path()).unwrap();
    let swapped = text.replace("\"a\"", "\"c\"");
    assert_eq!(swapped.len(), text.len());
    let modified = fs::metadata(index.path()).unwrap().modified().unwrap();
    let tmp = dir.join("swap");
    fs::write(&tmp, swapped).unwrap();
    fs::File::options()
        .write(true)
        .open(&tmp)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    fs::rename(&tmp, index.path()).unwrap();
    let version = index.version();
    let accounts: Vec<_> = index
        .load()
        .unwrap()
        .into_iter()
        .map(|r| r.account)
        .collect();
    assert_eq!(accounts, ["c", "b"]);
    assert_eq!(index.version(), version + 1, "a change is a new version");
    index.load().unwrap();
    assert_eq!(index.version(), version + 1, "reading it again is not");
    fs::remove_file(index.path()).unwrap();
    assert_eq!(index.load().unwrap(), []);
    assert_eq!(index.version(), version + 2, "a file gone is a change");
    index.load().unwrap();
    assert_eq!(index.version(), version + 2);
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn only_rename_changes_a_name_and_names_stay_unique() {
    let dir = temp_dir("names");
    let index = Index::in_dir(&dir);
    let a = record("hubspot-a", "a");
    index.upsert(a.clone()).unwrap();
    index.upsert(record("hubspot-b", "b")).unwrap();
    assert_eq!(
        index.rename(&a.id, Some("Client A".into())).unwrap(),
        Renamed::Done
    );
    // A refresh that read the record before the rename writes it back: the name stays.
    index.upsert(a.clone()).unwrap();
    assert_eq!(
        index.get(&a.id).unwrap().unwrap().name.as_deref(),
        Some("Client A")
    );
    let b = ConnectionId::parse("hubspot-b").unwrap();
    assert_eq!(
        index.rename(&b, Some("CLIENT a".into())).unwrap(),
        Renamed::Taken("Client A".into())
    );
    let gone = ConnectionId::parse("hubspot-gone").unwrap();
    assert_eq!(
        index.rename(&gone, None).unwrap(),
        Renamed::NoSuchConnection
    );
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_index_holds_no_secret_fields() {
    let json = serde_json::to_value(record("hubspot-a", "a")).unwrap();
    let mut keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "account",
            "connected_at",
            "expires_at",
            "id",
            "method",
            "obtained_at",
            "provider",
            "scopes"
        ]
    );
}

#[cfg(unix)]
#[test]
fn a_lock_file_that_is_a_link_is_refused_and_its_missing_target_not_created() {
    let dir = temp_dir("linked-lock");
    let elsewhere = temp_dir("linked-lock-target");
    fs::create_dir_all(&dir).unwrap();
    fs::create_dir_all(&elsewhere).unwrap();
    let target = elsewhere.join("created-by-plugboard");
    std::os::unix::fs::symlink(&target, dir.join(".connections.json.lock")).unwrap();
    let index = Index::in_dir(&dir);
    let refused = index
        .upsert(record("hubspot-a", "a.example.com"))
        .unwrap_err()
        .to_string();
    assert!(
        refused.contains(".connections.json.lock") && refused.contains("symbolic link"),
        "{refused}"
    );
    assert!(!target.exists(), "the link's target was created");
    let _ = fs::remove_dir_all(dir);
    let _ = fs::remove_dir_all(elsewhere);
}

#[test]
fn a_default_is_kept_through_other_writes_and_goes_with_its_connection() {
    let dir = temp_dir("defaults");
    let index = Index::in_dir(&dir);
    let a = record("hubspot-a", "a.example.com");
    let b = record("hubspot-b", "b.example.com");
    index.upsert(a.clone()).unwrap();
    index.upsert(b.clone()).unwrap();
    assert!(index.defaults().unwrap().is_empty());
    assert_eq!(
        index.set_default(&b.id).unwrap().as_deref(),
        Some("hubspot")
    );
    let gone = ConnectionId::parse("hubspot-gone").unwrap();
    assert_eq!(
        index.set_default(&gone).unwrap(),
        None,
        "no such connection"
    );
    // Other writes (a refresh's upsert, a rename, a check) keep it.
    index.upsert(b.clone()).unwrap();
    index.rename(&a.id, Some("A".into())).unwrap();
    index.mark_checked(std::slice::from_ref(&a.id), 1).unwrap();
    assert_eq!(index.defaults().unwrap()["hubspot"], b.id);
    // Written to the file: another process sees it.
    assert_eq!(Index::in_dir(&dir).defaults().unwrap()["hubspot"], b.id);
    // Removing another connection keeps it; removing the default removes it.
    index.remove(&a.id).unwrap();
    assert_eq!(index.defaults().unwrap()["hubspot"], b.id);
    index.upsert(a.clone()).unwrap();
    index.remove(&b.id).unwrap();
    assert!(index.defaults().unwrap().is_empty());
    assert!(!fs::read_to_string(index.path())
        .unwrap()
        .contains("defaults"));
    // Cleared on request, saying what it was.
    index.set_default(&a.id).unwrap();
    assert_eq!(index.clear_default("hubspot").unwrap(), Some(a.id.clone()));
    assert_eq!(index.clear_default("hubspot").unwrap(), None);
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn a_default_edited_to_name_another_providers_connection_is_no_default() {
    let dir = temp_dir("defaults-hand");
    fs::create_dir_all(&dir).unwrap();
    let index = Index::in_dir(&dir);
    index.upsert(record("hubspot-a", "a.example.com")).unwrap();
    let text = fs::read_to_string(index.path()).unwrap().replacen(
        "\"version\": 1,",
        "\"version\": 1, \"defaults\": {\"ecwid\": \"hubspot-a\", \"hubspot\": \"hubspot-zz\"},",
        1,
    );
    assert!(text.contains("hubspot-zz"), "{text}");
    fs::write(index.path(), text).unwrap();
    assert!(index.defaults().unwrap().is_empty());
    assert_eq!(index.load().unwrap().len(), 1);
    let _ = fs::remove_dir_all(dir);
}
