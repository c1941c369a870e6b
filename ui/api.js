// The page's only door to the Rust side: every command name and event name lives here.
// Argument keys are sent exactly as the commands expect them (camelCase, as Tauri maps them).

const tauri = window.__TAURI__;
const invoke = (cmd, args) => tauri.core.invoke(cmd, args);

/** The provider cards, each with its connections (and their live status at the time). */
export const listProviders = () => invoke("list_providers");

/** Version, keychain state, scheme registration and demo mode. */
export const appInfo = () => invoke("app_info");

/** Everything the first paint needs in one answer: `{ messages, notices, cards }` (`cards` null
 *  when they cannot be read: `listProviders` then says why). */
export const firstPaint = () => invoke("first_paint");

/** Tells the Rust side the first frame is painted: the rest of its start-up begins. */
export const painted = () => invoke("painted");

export const openDeveloperPage = (provider) => invoke("open_developer_page", { provider });

/** `fields`: the provider's key fields by id. */
export const connectApiKey = (provider, fields) => invoke("connect_api_key", { provider, fields });

export const connectClientCredentials = ({ provider, clientId, clientSecret, environment, basicToken }) =>
  invoke("connect_client_credentials", { provider, clientId, clientSecret, environment, basicToken });

/** Starts a browser sign-in, asking also for the optional `scopes` chosen (ids); `replaces`: the
 *  connection it is for (Reconnect, Ask for more access), replaced in place. */
export const beginSignIn = (provider, scopes = [], replaces = null) => invoke("begin_sign_in", { provider, scopes, replaces });

export const cancelSignIn = (provider) => invoke("cancel_sign_in", { provider });

export const disconnect = (id) => invoke("disconnect", { id });

/** A provider's OAuth app: the client id, and the secret (stored in the keychain). */
export const saveAppCredentials = ({ provider, clientId, clientSecret }) =>
  invoke("save_app_credentials", { provider, clientId, clientSecret });

/** Each provider's app credentials: where they come from, the client id (never a secret). */
export const credentialsOverview = () => invoke("credentials_overview");

/** Forgets the app credentials saved in the window for `provider`. */
export const forgetAppCredentials = (provider) => invoke("forget_app_credentials", { provider });

/** Copies the redirect URI to register for `provider`'s browser sign-in: `{ message }`. */
export const copyRedirectUri = (provider) => invoke("copy_redirect_uri", { provider });

/** The person's choices: notifications, start at login, the tray, the clipboard delay. */
export const preferences = () => invoke("preferences");

/** Changes the choices named in `change` (`{ notifications, startAtLogin… }`); answers them all. */
export const setPreferences = (change) => invoke("set_preferences", { change });

export const refresh = (id) => invoke("refresh", { id });

/** Names connection `id` (a blank name removes it); answers its view. */
export const renameConnection = (id, name) => invoke("rename_connection", { id, name });

/** Makes connection `id` its provider's default (the one its id alone picks on the command line). */
export const makeDefault = (id) => invoke("make_default", { id });

/**
 * The status and countdown of connections `ids` (the drawn rows), each card's status, when the
 * clock next changes anything shown, and how many connections there are:
 * `{ connections: [LiveStatus…], cards: [{ provider, health, label }…], next_change, total }`.
 */
export const live = (ids) => invoke("live", { ids });

export const connectionDetails = (id) => invoke("connection_details", { id });

export const revealToken = (id) => invoke("reveal_token", { id });

/** `form`: "access", "refresh", "header" or "curl". */
export const copyToken = (id, form, refreshFirst, confirmation = null) =>
  invoke("copy_token", { id, form, refreshFirst, confirmation });
export const confirmCopyRefresh = (id) => invoke("confirm_copy_refresh", { id });

export const copyDiagnostics = () => invoke("copy_diagnostics");

/** Try it: `{ request, status, status_text, millis, excerpt, accepted }`, secrets masked. */
export const tryConnection = (id) => invoke("try_connection", { id });

export const unlockAndRetry = () => invoke("unlock_and_retry");

/** Calls `fn(notice)` for every notice the Rust side sends; resolves once listening. */
export const onNotice = (fn) => tauri.event.listen("plugboard://notice", (event) => fn(event.payload));
/** Calls `fn(id)` when the Rust side takes a notice back (its condition ended). */
export const onNoticeWithdrawn = (fn) => tauri.event.listen("plugboard://notice-withdrawn", (event) => fn(event.payload));

/** The current view of each of these connections that still exists. */
export const connectionViews = (ids) => invoke("connection_views", { ids });

/**
 * Calls `fn({ all, ids })` when connections or providers changed (a burst arrives as one call):
 * `all` asks for the cards anew, `ids` names connections whose rows alone changed.
 */
export const onChanged = (fn) => tauri.event.listen("plugboard://changed", (event) => fn(event.payload));

/** Calls `fn(id)` when the tray or a notification opens the window at connection `id`. */
export const onShowConnection = (fn) => tauri.event.listen("show-connection", (event) => fn(event.payload));

/** Programs' requests for a token waiting for the person: `[{ id, title, program, program_path,
 *  connection, explanation }]` (a page that loaded after they were asked). */
export const pendingQuestions = () => invoke("pending_questions");

/** The person's answer to question `id`: "once", "until_quit", "always" or "deny". */
export const answerQuestion = (id, choice) => invoke("answer_question", { id, choice });

/** A program asks for a connection's token: the question. */
export const onQuestion = (fn) => tauri.event.listen("plugboard://consent", (event) => fn(event.payload));

/** A question answered, or nobody answered in time: its id. */
export const onQuestionWithdrawn = (fn) => tauri.event.listen("plugboard://consent-withdrawn", (event) => fn(event.payload));

/** Settings › Programs with access: `[{ program, program_text, connection, connection_text,
 *  since, last_used, always }]`. */
export const programGrants = () => invoke("program_grants");

/** Takes `program`'s permission for `connection` away (it is asked again). */
export const removeGrant = (program, connection) => invoke("remove_grant", { program, connection });
