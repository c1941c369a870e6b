/*!
The Tauri shell around `plugboard-core`: the window, the commands the page calls, and the wiring of
deep links. It owns no connection logic; each command is one call into the core. The command line
is a crate of its own (`cli/`, binary `plugboard`), which shares the core and never links Tauri.

Plugin order matters: single-instance is registered first so that a second launch (how Linux and
Windows deliver a deep link) is handed to the running app before anything else starts, then the log
(so later plugins' start-up is recorded), then deep-link.
*/

mod attention;
mod clipboard;
mod commands;
mod confirm;
mod consent;
mod events;
mod keychain;
mod links;
mod scheduler;
#[cfg(target_os = "linux")]
mod signals;
mod startup;
mod state;
mod tokens_bus;
mod tray;
mod window;

use tauri::Manager;
use tauri_plugin_log::{RotationStrategy, Target, TargetKind};

use state::AppState;

pub fn run() {
    // A session ending (SIGTERM, SIGHUP) or Ctrl-C in the terminal that started the window waits
    // while a refresh is being saved, as the command line does; then the window ends as before.
    plugboard_core::custody::handle_stop_signals(|moment| {
        log::warn!("a second stop signal while {moment:?} is being saved");
    });
    // The log plugin opens `plugboard.log` itself, following links: a link there (or a linked
    // `logs/` folder) would have log lines appended wherever it points. Checked first; when
    // refused the window logs to stdout only and says why.
    let mut log_targets = vec![Target::new(TargetKind::Stdout)];
    match plugboard_core::setup::Paths::window_log_dir()
        .map(|dir| plugboard_core::files::own_files(&dir, &["plugboard.log"]))
    {
        Some(Err(refused)) => {
            eprintln!("{refused}");
            plugboard_core::files::queue_notice(refused.to_string());
        }
        _ => log_targets.push(Target::new(TargetKind::LogDir {
            file_name: Some("plugboard".into()),
        })),
    }
    // The window is made visible from its creation for a launch meant for it (a person sees it
    // as soon as a bare window would be seen); the login entry's launch into the tray makes it
    // hidden (`tauri.conf.json` says hidden: a launch is into the tray until it says otherwise).
    let args: Vec<String> = std::env::args().collect();
    let for_window = window::wants_window(&args);
    let mut context = tauri::generate_context!("../tauri.conf.json");
    if let Some(main) = context.config_mut().app.windows.first_mut() {
        main.visible = for_window;
    }
    let app = tauri::Builder::default()
        .plugin(tauri_plugin_single_instance::init(|app, argv, _cwd| {
            // With its `deep-link` feature the plugin has already handed a URL argument to the
            // deep-link plugin (see `links`); here we only bring the window forward (hidden in
            // the tray or not), unless this launch was the login entry's.
            if window::wants_window(&argv) {
                window::bring_back(app, None);
            }
        }))
        .plugin(
            tauri_plugin_log::Builder::new()
                .targets(log_targets)
                .level(log::LevelFilter::Info)
                .max_file_size(1_000_000)
                .rotation_strategy(RotationStrategy::KeepSome(3))
                .build(),
        )
        .plugin(tauri_plugin_deep_link::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        // Start at login (Settings): the login entry starts the window in the tray.
        .plugin(
            tauri_plugin_autostart::Builder::new()
                .args([window::IN_TRAY])
                .build(),
        )
        .on_window_event(tray::on_window_event)
        .invoke_handler(tauri::generate_handler![
            commands::app::list_providers,
            commands::app::app_info,
            commands::app::first_paint,
            commands::app::painted,
            commands::app::open_developer_page,
            commands::connect::connect_api_key,
            commands::connect::connect_client_credentials,
            commands::connect::begin_sign_in,
            commands::connect::cancel_sign_in,
            commands::connections::disconnect,
            commands::connect::save_app_credentials,
            commands::connections::refresh,
            commands::connections::rename_connection,
            commands::connections::make_default,
            commands::connections::live,
            commands::connections::connection_views,
            commands::developer::connection_details,
            commands::developer::reveal_token,
            commands::developer::copy_token,
            commands::developer::confirm_copy_refresh,
            commands::developer::try_connection,
            commands::app::copy_diagnostics,
            commands::app::unlock_and_retry,
            commands::settings::credentials_overview,
            commands::settings::forget_app_credentials,
            commands::settings::copy_redirect_uri,
            commands::settings::preferences,
            commands::settings::set_preferences,
            commands::settings::program_grants,
            commands::settings::remove_grant,
            consent::pending_questions,
            consent::answer_question,
        ])
        .setup(move |app| {
            log::info!("Plugboard {} starting", app.package_info().version);
            // The window is already shown (above), unless the login entry started Plugboard
            // into the tray; here only what the page's first answer needs.
            // The command line opens the same folders (core `setup::Paths::standard`); Tauri's
            // resolver is used here so a platform difference would show in the window first.
            let paths = plugboard_core::setup::Paths::new(
                app.path().app_data_dir()?,
                app.path().app_config_dir()?,
            );
            let settings = plugboard_core::settings::Settings::from_env();
            app.manage(AppState::build(paths, settings));
            app.manage(events::Changes::default());
            app.manage(tray::TraySlot::default());
            app.manage(attention::Told::default());
            app.manage(startup::Rest::default());
            app.manage(consent::Questions::default());
            app.manage(tokens_bus::BusSlot::default());
            links::setup(app.handle());
            // The tray, the scheduler and the watchers after the first paint (see `startup`).
            startup::wait_for_first_paint(app.handle(), for_window);
            Ok(())
        })
        .build(context);

    match app {
        Ok(app) => app.run(|app, event| {
            if let tauri::RunEvent::Exit = event {
                // Quit in the middle of a refresh (or a sign-in's save): its keychain and index
                // writes finish first, as a stop signal's would (bounded by the keychain's own
                // time limit).
                if !plugboard_core::custody::wait_idle(std::time::Duration::from_secs(30)) {
                    log::warn!("quitting while a refresh was still being saved");
                }
                // Nobody retries once the window is gone: `plugboard status` must not say so.
                if let Ok(service) = app.state::<state::AppState>().service() {
                    service.forget_planned_retries();
                }
            }
        }),
        Err(e) => {
            // No window could be made (no display, WebKit missing): say so in words, not a backtrace.
            eprintln!(
                "{}",
                plugboard_core::i18n::t(
                    "shell-could-not-start",
                    &[("error", e.to_string().into())]
                )
            );
            std::process::exit(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    /// The names `text` calls as `invoke("name"`.
    fn invoked(text: &str) -> BTreeSet<String> {
        text.split("invoke(\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn the_pages_commands_are_the_shells_handlers() {
        // The page's one list of commands (ui/api.js) against `generate_handler!` above.
        let page = invoked(include_str!("../../ui/api.js"));
        let source = include_str!("lib.rs");
        let start = source.find("generate_handler![").expect("the handler list");
        let list = &source[start..start + source[start..].find("])").expect("its end")];
        let shell: BTreeSet<String> = list
            .split([',', '[', '\n'])
            .filter_map(|entry| entry.trim().rsplit("::").next())
            .filter(|name| !name.is_empty() && !name.contains('!') && !name.contains('['))
            .map(str::to_string)
            .collect();
        assert!(page.len() >= 20, "{page:?}");
        assert_eq!(page, shell, "ui/api.js and the shell's handlers differ");
        // No other module of the page calls a command by name: api.js is the one list.
        for (file, text) in [
            ("main.js", include_str!("../../ui/main.js")),
            ("store.js", include_str!("../../ui/store.js")),
            ("dom.js", include_str!("../../ui/dom.js")),
            ("i18n.js", include_str!("../../ui/i18n.js")),
            ("views/cards.js", include_str!("../../ui/views/cards.js")),
            (
                "views/details.js",
                include_str!("../../ui/views/details.js"),
            ),
            ("views/forms.js", include_str!("../../ui/views/forms.js")),
            (
                "views/notices.js",
                include_str!("../../ui/views/notices.js"),
            ),
            (
                "views/providers.js",
                include_str!("../../ui/views/providers.js"),
            ),
            ("views/footer.js", include_str!("../../ui/views/footer.js")),
            (
                "views/settings.js",
                include_str!("../../ui/views/settings.js"),
            ),
        ] {
            assert!(invoked(text).is_empty(), "ui/{file} calls a command itself");
        }
    }
}
