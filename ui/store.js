// The page's state that outlives one render: kept here, not on DOM nodes.

export const store = {
  /** What was rendered last: the provider list without the live parts the tick updates in place. */
  renderedKey: null,
  /** The provider cards of the last render (a row redrawn alone updates its connection here). */
  cards: null,
  /** Per connection id, what its row was drawn from (without live parts): redrawn when it differs. */
  rowKeys: new Map(),
  /** Per connection id, for the rows of the current render: `{ account, applyLive(live) }`. */
  rows: new Map(),
  /** Called when rows are drawn outside a render ("Show all"): the tick brings them up to date. */
  rowsAdded: () => {},
  /** Provider ids whose long account list the person asked to see whole. */
  expanded: new Set(),
  /** What a Details panel's Copy said last, by connection id (`{ text, at }`): a redraw keeps it. */
  detailsSaid: new Map(),
  /** What a row's own button said last, by connection id (`{ text, at }`): a redraw keeps it. */
  rowSaid: new Map(),
  /** Connection ids whose Disconnect question is open, so a re-render keeps asking. */
  askingDisconnect: new Set(),
  /** What a Details panel's open rename form holds, by connection id (`{ typed, focused, caret }`):
   *  a redraw keeps it open, and where the person was typing. */
  renaming: new Map(),
  /** A Details panel's last Try it answer, by connection id (`{ report, at }`): a redraw keeps it. */
  tried: new Map(),
  /** Open "Ask for more access" choosers, by connection id, with the scopes ticked: a redraw
   *  keeps them open as they were. */
  askingMore: new Map(),
  /** An open "copy the refresh token?" question, by connection id (`{ code, question }`): a
   *  redraw keeps asking, with the one-time code Rust gave for it. */
  askingRefresh: new Map(),
  /** Connection ids whose details panel is open, so a re-render keeps it open. */
  openDetails: new Set(),
  /** Ids of the notices already shown: each is shown once. */
  shownNotices: new Set(),
  /** Demo mode: the form fields it fills in, by provider id (their values never reach the page). */
  demoFilled: {},
  /** What the screen reader heard last, per connection id: `{ health, milestone }`. */
  announced: new Map(),
};
