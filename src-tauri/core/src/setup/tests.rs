//! The set-up's tests: folders, the sources of the catalogue and their order, provider files
//! refused (modes, owners, size), demo and debug namespaces.

use super::*;

#[test]
fn standard_folders_end_in_the_app_identifier() {
    let paths = Paths::standard().unwrap();
    assert!(paths.data_dir.ends_with(APP_IDENTIFIER));
    assert!(paths.config_dir.ends_with(APP_IDENTIFIER));
}

/// A provider file with `[credentials.<provider>]` tables: `(provider, client id, managed)`.
fn credentials_file(entries: &[(&str, &str, bool)]) -> String {
    entries
        .iter()
        .map(|(p, id, managed)| {
            format!("[credentials.{p}]\nclient_id = \"{id}\"\nclient_secret = \"s-{id}\"\nmanaged = {managed}\n")
        })
        .collect()
}

/// A fresh folder with Plugboard's data and config folders and a system config folder
/// (its `dev.plugboard.desktop/` made): `(root, paths, system)`.
fn fixture(name: &str) -> (PathBuf, Paths, PathBuf) {
    let root = std::env::temp_dir().join(format!("plugboard-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let paths = Paths {
        data_dir: root.join("data"),
        config_dir: root.join("config"),
    };
    let system = root.join("etc-xdg");
    std::fs::create_dir_all(system.join(APP_IDENTIFIER)).unwrap();
    (root, paths, system)
}

async fn origin_and_id(
    opened: &Opened,
    provider: &str,
) -> (Option<CredentialOrigin>, Option<String>) {
    let service = opened.connections.as_ref().unwrap();
    (
        service.credentials_origin(provider),
        service
            .app_credentials(provider)
            .await
            .unwrap()
            .map(|c| c.client_id),
    )
}

#[tokio::test]
async fn app_credentials_come_from_the_first_source_that_has_them() {
    // environment > managed system-wide > the person's file > saved in the window >
    // system-wide defaults > embedded at build time.
    let (root, paths, system) = fixture("sources");
    std::fs::create_dir_all(&paths.config_dir).unwrap();
    let settings = |extra: &[(&str, &str)]| {
        let mut vars = vec![(
            "XDG_CONFIG_DIRS".to_string(),
            format!("relative/ignored:{}:/nonexistent", system.display()),
        )];
        vars.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        Settings::from_vars(vars)
    };
    let embedded = credentials_file(&[("hubspot", "built-in-hub", false)]);

    // Built in only.
    let opened = open_with(&paths, &settings(&[]), None, &embedded);
    assert!(
        opened.file_problems.is_empty(),
        "{:?}",
        opened.file_problems
    );
    assert_eq!(
        origin_and_id(&opened, "hubspot").await,
        (
            Some(CredentialOrigin::Embedded),
            Some("built-in-hub".into())
        )
    );
    assert_eq!(origin_and_id(&opened, "ecwid").await, (None, None));

    // The organisation's defaults, and one managed.
    std::fs::write(
        system.join(APP_IDENTIFIER).join("providers.toml"),
        credentials_file(&[("hubspot", "org-hub", false), ("ecwid", "org-ecwid", true)]),
    )
    .unwrap();
    let opened = open_with(&paths, &settings(&[]), None, &embedded);
    assert_eq!(
        origin_and_id(&opened, "hubspot").await,
        (Some(CredentialOrigin::SystemFile), Some("org-hub".into()))
    );
    assert_eq!(
        origin_and_id(&opened, "ecwid").await.0,
        Some(CredentialOrigin::Managed)
    );

    // Saved in the window: over the organisation's defaults, not over managed ones.
    let saved_ids = paths
        .data_dir
        .join(vault_namespace(false).unwrap_or("."))
        .join("app-credentials.json");
    std::fs::create_dir_all(saved_ids.parent().unwrap()).unwrap();
    std::fs::write(
        &saved_ids,
        r#"{"hubspot": "saved-hub", "ecwid": "saved-ecwid"}"#,
    )
    .unwrap();
    let opened = open_with(&paths, &settings(&[]), None, &embedded);
    assert_eq!(
        opened
            .connections
            .as_ref()
            .unwrap()
            .credentials_origin("hubspot"),
        Some(CredentialOrigin::Saved)
    );
    assert_eq!(
        origin_and_id(&opened, "ecwid").await,
        (Some(CredentialOrigin::Managed), Some("org-ecwid".into()))
    );
    std::fs::remove_file(&saved_ids).unwrap();

    // The person's own file: over defaults and saved ones, under managed ones; `managed`
    // in a person's file manages nothing.
    std::fs::write(
        paths.config_dir.join("providers.toml"),
        credentials_file(&[
            ("hubspot", "user-hub", true),
            ("ecwid", "user-ecwid", false),
        ]),
    )
    .unwrap();
    let opened = open_with(&paths, &settings(&[]), None, &embedded);
    assert_eq!(
        origin_and_id(&opened, "hubspot").await,
        (Some(CredentialOrigin::UserFile), Some("user-hub".into()))
    );
    assert_eq!(
        origin_and_id(&opened, "ecwid").await,
        (Some(CredentialOrigin::Managed), Some("org-ecwid".into()))
    );

    // The environment over everything.
    let env = [
        ("PLUGBOARD_HUBSPOT_CLIENT_ID", "env-hub"),
        ("PLUGBOARD_ECWID_CLIENT_ID", "env-ecwid"),
    ];
    let opened = open_with(&paths, &settings(&env), None, &embedded);
    assert_eq!(
        origin_and_id(&opened, "hubspot").await,
        (Some(CredentialOrigin::Environment), Some("env-hub".into()))
    );
    assert_eq!(
        origin_and_id(&opened, "ecwid").await,
        (
            Some(CredentialOrigin::Environment),
            Some("env-ecwid".into())
        )
    );
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn a_provider_the_organisation_manages_is_not_replaced_by_a_persons_file() {
    let (root, paths, system) = fixture("managed");
    std::fs::create_dir_all(&paths.config_dir).unwrap();
    let acme = |name: &str, managed: bool| {
        format!(
            "[[provider]]\nid = \"acme\"\nname = \"{name}\"\nmanaged = {managed}\n[[provider.method]]\nkind = \"api_key\"\ncheck_url = \"https://acme.example/me\"\nfields = [{{ id = \"key\", label = \"API key\", secret = true }}]\n"
        )
    };
    std::fs::write(
        system.join(APP_IDENTIFIER).join("providers.toml"),
        acme("Acme (our organisation's)", true),
    )
    .unwrap();
    std::fs::write(
        paths.config_dir.join("providers.toml"),
        acme("Acme (mine)", false),
    )
    .unwrap();
    let settings =
        Settings::from_vars([("XDG_CONFIG_DIRS".to_string(), system.display().to_string())]);
    let opened = open_with(&paths, &settings, None, "");
    let service = opened.connections.unwrap();
    assert_eq!(
        service.provider("acme").unwrap().name,
        "Acme (our organisation's)"
    );
    assert_eq!(opened.file_problems.len(), 1);
    assert!(
        opened.file_problems[0].contains("acme entry was not used")
            && opened.file_problems[0].contains("organisation manages"),
        "{:?}",
        opened.file_problems
    );
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn broken_sources_are_named_and_the_rest_still_work() {
    let (root, paths, system) = fixture("broken");
    std::fs::write(
        system.join(APP_IDENTIFIER).join("providers.toml"),
        "[credentials.hubspot]\nclient_id = \"\"\n",
    )
    .unwrap();
    let settings =
        Settings::from_vars([("XDG_CONFIG_DIRS".to_string(), system.display().to_string())]);
    let embedded = "[[provider]]\nid = \"x\"\n";
    let opened = open_with(&paths, &settings, None, embedded);
    assert_eq!(opened.file_problems.len(), 2, "{:?}", opened.file_problems);
    assert!(opened.file_problems[0].contains("built into this Plugboard"));
    assert!(opened.file_problems[1].contains("organisation's provider file"));
    assert!(opened.file_problems[1].contains("client_id"));
    let service = opened.connections.unwrap();
    assert_eq!(service.credentials_origin("hubspot"), None);
    assert_eq!(
        service.catalogue().providers().len(),
        4,
        "the built-in ones"
    );
    let _ = std::fs::remove_dir_all(&root);
}

#[cfg(unix)]
#[test]
fn a_data_folder_that_is_a_link_is_used_as_the_folder_it_points_to() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let (root, _, _) = fixture("linked-data");
    let target = root.join("on-another-disk");
    let namespace = target.join(vault_namespace(false).unwrap_or("."));
    std::fs::create_dir_all(&namespace).unwrap();
    let index = namespace.join("connections.json");
    std::fs::write(&index, r#"{"version": 1, "connections": []}"#).unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(&index, std::fs::Permissions::from_mode(0o644)).unwrap();
    std::os::unix::fs::symlink(&target, root.join("data")).unwrap();
    let paths = Paths::new(root.join("data"), root.join("config"));
    assert_eq!(paths.data_dir, target.canonicalize().unwrap());
    let opened = open_with(&paths, &Settings::from_vars([]), None, "");
    assert!(opened.connections.is_ok());
    assert_eq!(mode(&target), 0o700);
    assert_eq!(mode(&index), 0o600);
    let _ = std::fs::remove_dir_all(&root);
}

/// Sets `path`'s mode bits.
#[cfg(unix)]
fn chmod(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// Opens with `file` named by `PLUGBOARD_PROVIDERS` (it gives HubSpot a client id).
#[cfg(unix)]
fn open_naming(paths: &Paths, file: &Path) -> Opened {
    let settings = Settings::from_vars([(
        "PLUGBOARD_PROVIDERS".to_string(),
        file.display().to_string(),
    )]);
    open_with(paths, &settings, None, "")
}

#[cfg(unix)]
#[test]
fn a_provider_file_others_can_change_is_refused_with_how_to_fix_it() {
    let (root, paths, _) = fixture("writable-file");
    let folder = root.join("mine");
    std::fs::create_dir_all(&folder).unwrap();
    chmod(&root, 0o755);
    chmod(&folder, 0o700);
    let file = folder.join("providers.toml");
    std::fs::write(&file, credentials_file(&[("hubspot", "from-file", false)])).unwrap();
    // Group-writable counts only for a group of others (the owner's private group is the
    // owner): the file is shared with `nogroup` where that can be done (as root).
    let shared = std::os::unix::fs::chown(&file, None, Some(65534)).is_ok();
    let modes: &[u32] = if shared {
        &[0o666, 0o664, 0o646, 0o620]
    } else {
        &[0o666, 0o646]
    };
    for &mode in modes {
        chmod(&file, mode);
        let opened = open_naming(&paths, &file);
        assert_eq!(
            opened.file_problems.len(),
            1,
            "{mode:o}: {:?}",
            opened.file_problems
        );
        let problem = &opened.file_problems[0];
        assert!(
            problem.contains(&file.display().to_string())
                && problem.contains(&format!("chmod go-w {}", file.display())),
            "{mode:o}: {problem}"
        );
        let service = opened.connections.unwrap();
        assert_eq!(service.credentials_origin("hubspot"), None, "{mode:o}");
        assert_eq!(
            service.catalogue().providers().len(),
            4,
            "the built-in ones"
        );
    }
    // Writable by its owner only: used.
    chmod(&file, 0o644);
    let opened = open_naming(&paths, &file);
    assert!(
        opened.file_problems.is_empty(),
        "{:?}",
        opened.file_problems
    );
    assert_eq!(
        opened.connections.unwrap().credentials_origin("hubspot"),
        Some(CredentialOrigin::UserFile)
    );
    let _ = std::fs::remove_dir_all(&root);
}

#[cfg(unix)]
#[test]
fn a_provider_file_in_a_folder_others_can_change_is_refused() {
    let (root, paths, _) = fixture("writable-folder");
    let folder = root.join("shared");
    std::fs::create_dir_all(&folder).unwrap();
    chmod(&root, 0o755);
    let file = folder.join("providers.toml");
    std::fs::write(&file, credentials_file(&[("hubspot", "from-file", false)])).unwrap();
    chmod(&file, 0o600);
    chmod(&folder, 0o777);
    let opened = open_naming(&paths, &file);
    assert_eq!(opened.file_problems.len(), 1, "{:?}", opened.file_problems);
    assert!(
        opened.file_problems[0].contains(&format!("chmod go-w {}", folder.display())),
        "{:?}",
        opened.file_problems
    );
    assert_eq!(
        opened.connections.unwrap().credentials_origin("hubspot"),
        None
    );
    // A link to it from a safe folder is no way around it.
    let link = root.join("link.toml");
    std::os::unix::fs::symlink(&file, &link).unwrap();
    assert_eq!(open_naming(&paths, &link).file_problems.len(), 1);
    // A shared folder with the sticky bit (as /tmp): others cannot replace the file.
    chmod(&folder, 0o1777);
    let opened = open_naming(&paths, &file);
    assert!(
        opened.file_problems.is_empty(),
        "{:?}",
        opened.file_problems
    );
    let _ = std::fs::remove_dir_all(&root);
}

#[cfg(unix)]
#[test]
fn a_system_wide_file_others_can_change_is_refused_even_when_managed() {
    let (root, paths, system) = fixture("writable-system");
    chmod(&root, 0o755);
    let file = system.join(APP_IDENTIFIER).join("providers.toml");
    std::fs::write(&file, credentials_file(&[("ecwid", "org-ecwid", true)])).unwrap();
    chmod(&file, 0o666);
    let settings =
        Settings::from_vars([("XDG_CONFIG_DIRS".to_string(), system.display().to_string())]);
    let opened = open_with(&paths, &settings, None, "");
    assert_eq!(opened.file_problems.len(), 1, "{:?}", opened.file_problems);
    assert!(
        opened.file_problems[0].contains("organisation's provider file")
            && opened.file_problems[0].contains("chmod go-w"),
        "{:?}",
        opened.file_problems
    );
    assert_eq!(
        opened.connections.unwrap().credentials_origin("ecwid"),
        None
    );
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn a_provider_file_larger_than_the_limit_is_refused_unread_with_words_naming_it() {
    let (root, paths, _) = fixture("too-large");
    let file = root.join("providers.toml");
    let settings = Settings::from_vars([(
        "PLUGBOARD_PROVIDERS".to_string(),
        file.display().to_string(),
    )]);
    // 300 MB that take no room: refused on its size, not read.
    std::fs::File::create(&file)
        .unwrap()
        .set_len(300_000_000)
        .unwrap();
    let started = std::time::Instant::now();
    let opened = open_with(&paths, &settings, None, "");
    assert!(started.elapsed() < std::time::Duration::from_secs(2));
    assert_eq!(
        opened.file_problems,
        [format!(
            "Your provider file was not loaded: {} is 300000000 bytes, more than a provider file may be (1048576 bytes), so Plugboard did not read it. Is it the right file?",
            file.display()
        )]
    );
    assert_eq!(opened.connections.unwrap().catalogue().providers().len(), 4);
    // One byte over is over; the limit itself is read.
    let comment = |n: u64| format!("#{}\n", "x".repeat(n as usize - 2));
    std::fs::write(&file, comment(PROVIDER_FILE_MAX + 1)).unwrap();
    assert!(read_bounded(&file).unwrap_err().contains("1048577 bytes"));
    std::fs::write(&file, comment(PROVIDER_FILE_MAX)).unwrap();
    assert_eq!(read_bounded(&file).unwrap().len() as u64, PROVIDER_FILE_MAX);
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn a_provider_files_problem_shows_what_the_file_says_escaped() {
    let (root, paths, _) = fixture("hostile-problem");
    let file = root.join("providers.toml");
    let settings = Settings::from_vars([(
        "PLUGBOARD_PROVIDERS".to_string(),
        file.display().to_string(),
    )]);
    let text = "[[provider]]\nid = \"acme\"\nname = \"Acme\"\n[[provider.method]]\nkind = \"api_key\"\ncheck_url = \"\\u001b]0;pwned\\u0007 \\u202e\"\n";
    std::fs::write(&file, text).unwrap();
    let opened = open_with(&paths, &settings, None, "");
    assert_eq!(opened.file_problems.len(), 1);
    let problem = &opened.file_problems[0];
    assert!(problem.contains("method.check_url"), "{problem}");
    assert!(
        !problem.contains(['\u{1b}', '\u{7}', '\u{202e}']),
        "{problem:?}"
    );
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn credentials_are_embedded_only_when_the_build_names_a_file() {
    // build.rs writes the file PLUGBOARD_DIST_CREDENTIALS names, or nothing.
    match option_env!("PLUGBOARD_DIST_CREDENTIALS") {
        None | Some("") => assert!(EMBEDDED_CREDENTIALS.is_empty()),
        Some(file) => assert_eq!(EMBEDDED_CREDENTIALS, std::fs::read_to_string(file).unwrap()),
    }
}

#[test]
fn debug_builds_use_their_own_keychain_namespace() {
    assert_eq!(vault_namespace(true), Some("demo"));
    assert_eq!(
        vault_namespace(false),
        cfg!(debug_assertions).then_some("dev")
    );
}
