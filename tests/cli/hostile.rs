//! Text from outside on a terminal: an account label a provider made (escape sequences that set
//! the window's title and clear the screen, a right-to-left override), a provider file's name, a
//! name typed for `rename`, and provider files too large to read. Nothing a terminal would act
//! on is ever printed; each is shown `\u{…}`-escaped (see `plugboard_core::safe_text`).

use plugboard_sim::Faults;
use serde_json::Value;

use crate::world::{Out, World};

/// What a hostile Nimbus says its user is called.
const LABEL: &str = "\u{1b}]0;pwned\u{7}dana\u{1b}[2J@\u{202e}elpmaxe.submin";
/// How it is shown.
const SHOWN: &str = r"\u{1b}]0;pwned\u{7}dana\u{1b}[2J@\u{202e}elpmaxe.submin";

/// Nothing in `text` a terminal would act on (line breaks and tabs apart).
fn inert(text: &str) -> bool {
    !text.chars().any(|c| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    })
}

fn assert_inert(what: &str, out: &Out) {
    assert!(inert(&out.stdout), "{what}: stdout {:?}", out.stdout);
    assert!(inert(&out.stderr), "{what}: stderr {:?}", out.stderr);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn an_account_label_from_the_provider_is_printed_escaped_by_every_command() {
    let w = World::with_private_keychain("hostile-label").await;
    w.set_faults(Faults {
        nimbus_username: Some(LABEL.into()),
        ..Faults::default()
    });

    let out = w.run(&["connect", "nimbus"]).await;
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_inert("connect", &out);
    assert!(out.stdout.contains(SHOWN), "{}", out.stdout);

    let out = w.run(&["status"]).await;
    assert_inert("status", &out);
    assert!(out.stdout.contains(SHOWN), "{}", out.stdout);
    // The JSON document says what the window shows, in JSON's escapes.
    let out = w.run(&["status", "--json"]).await;
    assert_inert("status --json", &out);
    let doc: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(doc["connections"][0]["account"], SHOWN);

    let out = w.run(&["refresh", "nimbus"]).await;
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_inert("refresh", &out);
    assert!(out.stdout.contains(SHOWN), "{}", out.stdout);

    // A name with an escape or an override is refused, and the refusal is inert too.
    for name in ["Client \u{1b}[2J", "erots \u{202e}A tneilC", "a\u{2066}b"] {
        let out = w.run(&["rename", "nimbus", name]).await;
        assert_eq!(out.code, 2, "{name:?}: {}", out.stderr);
        assert_inert("rename", &out);
        assert!(out.stderr.contains("control characters"), "{}", out.stderr);
    }
    // Picking a connection by such a name: not found, said safely.
    let out = w.run(&["token", "\u{1b}]0;x\u{7}"]).await;
    assert_eq!(out.code, 6, "{}", out.stderr);
    assert_inert("token <name>", &out);

    // `token` saying the connection needs a sign-in names the account.
    w.set_faults(Faults {
        nimbus_username: Some(LABEL.into()),
        refresh_invalid_grant: true,
        ..Faults::default()
    });
    let out = w.run(&["refresh", "nimbus"]).await;
    assert_eq!(out.code, 3, "{}", out.stderr);
    assert_inert("refresh (reconnect)", &out);
    let out = w.run(&["token", "nimbus"]).await;
    assert_eq!(out.code, 3, "{}", out.stderr);
    assert_inert("token", &out);
    assert!(out.stderr.contains(SHOWN), "{}", out.stderr);

    // Forgetting everything lists the connections first.
    let out = w.run(&["disconnect", "--all"]).await;
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_inert("disconnect --all", &out);
    assert!(out.stderr.contains(SHOWN), "{}", out.stderr);
    let out = w.run(&["disconnect", "--all", "--yes"]).await;
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_inert("disconnect --all --yes", &out);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn a_provider_files_name_and_a_bad_address_are_printed_escaped() {
    let w = World::new("hostile-file").await;
    let file = w.dir.join("providers.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    // Nimbus renamed as a hostile file would name it.
    let hostile = text.replace(
        "name = \"Nimbus CRM\"",
        "name = \"Nimbus\\u001b]0;pwned\\u0007\\u001b[2J\\u202eMRC\"",
    );
    assert_ne!(hostile, text);
    std::fs::write(&file, &hostile).unwrap();
    let shown = r"Nimbus\u{1b}]0;pwned\u{7}\u{1b}[2J\u{202e}MRC";
    for args in [
        &["providers"][..],
        &["providers", "--json"],
        &["credentials", "list"],
        &["credentials", "list", "--json"],
    ] {
        let out = w.run(args).await;
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        assert_inert(&format!("{args:?}"), &out);
        let expected = match args.contains(&"--json") {
            true => shown.replace('\\', "\\\\"),
            false => shown.to_string(),
        };
        assert!(out.stdout.contains(&expected), "{args:?}: {}", out.stdout);
    }

    // An address the file got wrong is named in a warning: inert as well.
    let bad = text.replace(
        &format!("{}/nimbus/oauth/token", w.sim.base_url()),
        // TOML's escapes: the file holds the characters themselves once read.
        "not a url \\u202e\\u001b[2J",
    );
    std::fs::write(&file, bad).unwrap();
    let out = w.run(&["providers"]).await;
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_inert("providers with a bad address", &out);
    assert!(out.stderr.contains("`method.token_url`"), "{}", out.stderr);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn a_provider_file_too_large_or_with_a_huge_name_is_refused_in_words() {
    let w = World::new("huge-file").await;
    let file = w.dir.join("providers.toml");
    let text = std::fs::read_to_string(&file).unwrap();

    // 2 MB: refused before it is read; the built-in providers still work.
    std::fs::write(&file, format!("{text}\n#{}\n", "x".repeat(2 * 1024 * 1024))).unwrap();
    let out = w.run(&["providers"]).await;
    assert_eq!(out.code, 0, "{}", out.stderr);
    for expected in [
        file.display().to_string(),
        "more than a provider file may be (1048576 bytes)".to_string(),
    ] {
        assert!(out.stderr.contains(&expected), "{expected}: {}", out.stderr);
    }
    assert!(out.stdout.contains("hubspot") && !out.stdout.contains("nimbus"));

    // A 500 KB name: refused, naming the provider and the field, without repeating it.
    let huge = text.replace(
        "name = \"Nimbus CRM\"",
        &format!("name = \"{}\"", "N".repeat(500_000)),
    );
    std::fs::write(&file, huge).unwrap();
    let out = w.run(&["providers"]).await;
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("provider “nimbus”, field `name`: longer than 100 characters"),
        "{}",
        out.stderr
    );
    assert!(
        out.stdout.len() + out.stderr.len() < 10_000,
        "printed {} bytes",
        out.stdout.len()
    );
}
