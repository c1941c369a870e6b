//! Asking the person whether a program may take a connection's token: the window's question for
//! the D-Bus token service ([`crate::tokens_bus`]). A question names the program (its name and
//! full path, the script for an interpreter) and the connection (provider, account, name), and
//! waits for Allow once · Allow until Plugboard quits · Always allow · Deny; the window is shown
//! (from the tray if need be). Several questions queue in the page; the same program asking again
//! for the same connection waits for the same answer. Nobody answering within the wait
//! (`PLUGBOARD_CONSENT_WAIT_SECS`, two minutes) is [`Answer::NoAnswer`], and the question is
//! taken back from the page.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use plugboard_core::connection::ConnectionId;
use plugboard_core::error::{ErrorCode, UserError};
use plugboard_core::grants::{Choice, FileId};
use plugboard_core::i18n::t;
use plugboard_core::program::Program;
use plugboard_core::service::{Answer, ConnectionView};
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, State};
use tokio::sync::watch;

use crate::state::AppState;

/// The event that puts a question to the page.
pub const ASKED_EVENT: &str = "plugboard://consent";
/// The event that takes a question back (answered, or nobody answered): its id.
pub const WITHDRAWN_EVENT: &str = "plugboard://consent-withdrawn";

/// A question as the page shows it: every text safe to show, in the person's language.
#[derive(Debug, Clone, Serialize)]
pub struct Question {
    pub id: u64,
    /// "sync.py wants to use HubSpot (ana@example.com)".
    pub title: String,
    /// The program's name and full path (the script for an interpreter).
    pub program: String,
    pub program_path: String,
    pub connection: String,
    /// What each choice means, said once under the buttons.
    pub explanation: String,
}

struct Pending {
    question: Question,
    key: (Program, FileId, ConnectionId),
    answer: watch::Sender<Option<Answer>>,
}

/// The questions waiting for the person (managed by the app).
#[derive(Default)]
pub struct Questions {
    next: AtomicU64,
    pending: Mutex<Vec<Pending>>,
}

impl Questions {
    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Pending>> {
        self.pending.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// Asks the person whether `program` may take connection `c`'s token, and waits for the answer
/// (see the module's doc).
pub async fn ask(app: &AppHandle, program: &Program, files: &FileId, c: ConnectionView) -> Answer {
    let questions = app.state::<Questions>();
    let key = (program.clone(), files.clone(), c.id.clone());
    let (mut answer, id, asked) = {
        let mut pending = questions.lock();
        match pending.iter().find(|p| p.key == key) {
            Some(p) => (p.answer.subscribe(), p.question.id, None),
            None => {
                let id = questions.next.fetch_add(1, Ordering::Relaxed) + 1;
                let question = question(app, id, program, &c);
                let (tx, rx) = watch::channel(None);
                pending.push(Pending {
                    question: question.clone(),
                    key,
                    answer: tx,
                });
                (rx, id, Some(question))
            }
        }
    };
    if let Some(question) = asked {
        crate::window::bring_back(app, None);
        if let Err(e) = app.emit(ASKED_EVENT, &question) {
            log::warn!("could not put the question to the window: {e}");
        }
        log::info!(
            "{}: a program asks for its token; the person is asked",
            c.id
        );
    }
    let wait = app.state::<AppState>().settings.consent_wait;
    let answered = tokio::time::timeout(wait, answer.wait_for(Option::is_some)).await;
    match answered {
        Ok(Ok(value)) => value.unwrap_or(Answer::NoAnswer),
        _ => {
            take_back(app, id, Answer::NoAnswer);
            Answer::NoAnswer
        }
    }
}

/// The question's words.
fn question(app: &AppHandle, id: u64, program: &Program, c: &ConnectionView) -> Question {
    let state = app.state::<AppState>();
    let provider = state
        .service()
        .map(|s| s.provider_name(&c.provider))
        .unwrap_or_else(|_| c.provider.clone());
    let account = plugboard_core::safe_text::escape(&c.account).into_owned();
    let connection = match &c.name {
        Some(name) => format!(
            "{provider}: {} ({account})",
            plugboard_core::safe_text::escape(name)
        ),
        None => format!("{provider} ({account})"),
    };
    let name = program.short_name();
    let full = program.full_path();
    Question {
        id,
        title: t(
            "shell-consent-title",
            &[
                ("program", name.into()),
                ("connection", connection.clone().into()),
            ],
        ),
        program: program.describe(),
        program_path: plugboard_core::safe_text::escape(&full).into_owned(),
        connection,
        explanation: t(
            "shell-consent-explanation",
            &[("provider", provider.into())],
        ),
    }
}

/// Ends question `id` with `answer`: whoever waits hears it, and the page takes it away.
fn take_back(app: &AppHandle, id: u64, answer: Answer) -> bool {
    let questions = app.state::<Questions>();
    let found = {
        let mut pending = questions.lock();
        let at = pending.iter().position(|p| p.question.id == id);
        at.map(|i| pending.remove(i))
    };
    let Some(p) = found else {
        return false;
    };
    let _ = p.answer.send(Some(answer));
    let _ = app.emit(WITHDRAWN_EVENT, id);
    true
}

/// The questions waiting now (a page that loaded after they were asked).
#[tauri::command]
pub fn pending_questions(questions: State<'_, Questions>) -> Vec<Question> {
    questions
        .lock()
        .iter()
        .map(|p| p.question.clone())
        .collect()
}

/// The person's answer to question `id`: `once`, `until_quit`, `always` or `deny`.
#[tauri::command]
pub fn answer_question(
    app: AppHandle,
    window: tauri::WebviewWindow,
    id: u64,
    choice: String,
) -> Result<(), UserError> {
    if window.label() != "main" {
        return Err(UserError::new(
            ErrorCode::InvalidInput,
            t("shell-tokens-main-window-only", &[]),
        ));
    }
    let choice = Choice::parse(&choice).ok_or_else(|| {
        UserError::new(
            ErrorCode::InvalidInput,
            t("shell-consent-unknown-choice", &[]),
        )
    })?;
    take_back(&app, id, Answer::Chose(choice));
    Ok(())
}
