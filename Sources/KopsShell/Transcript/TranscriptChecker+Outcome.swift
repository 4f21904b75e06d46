internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

/// What `TranscriptChecker.replay` found.
extension TranscriptChecker {
    /// What a replay found.
    public struct Outcome: Sendable {
        public var commands: Int
        /// The transcript as recorded now, header kept from the original.
        public var actual: String
        /// Empty when nothing changed; each hunk's `@@ line N` names the command whose block it is in.
        public var diff: [String]
        /// The recorded command lines that change data and were not run again (no `allowWrites`), with their
        /// line numbers: their blocks are kept as recorded, the evidence of what was sent.
        public var writesNotReplayed: [(line: Int, command: String)] = []
        /// How many blocks were a snapshot (`TranscriptParser.Entry.snapshot`), kept as recorded.
        public var snapshots = 0
        /// Recorded lines that act only outside the session (`bundle`, `history`, `listen`…,
        /// `ScriptPolicy.keptWhenChecked`), not run: their blocks are kept as recorded, with the reason.
        public var keptAsRecorded: [(line: Int, command: String, reason: String)] = []
        /// The write lines whose recorded blocks show the write was refused or failed (`refusedWhenRecorded`,
        /// `notAcceptedWhenRecorded`): kept as recorded and never sent; each is in `keptAsRecorded` with its reason.
        public var notAcceptedWhenRecorded: [Int] = []
        /// With writes sent (`allowWrites`): the recorded lines that change data and were not sent, with the reason
        /// (a redacted secret, stopped with Ctrl-C, or after a write or `capture` that did not replay as recorded, whose
        /// recorded id the line may hold); their blocks are kept as recorded. Any makes the replay partial.
        public var writesNotSent: [(line: Int, command: String, reason: String)] = []
        /// The restore lines of `actual`: each masked command line of its blocks as typed (for `--update`, whose
        /// aliases may differ from the file's: a list with one message more numbers the next `<message 4>`, not 3).
        public var restore = TranscriptRestore()
        /// The lines that cannot run because a value in them was redacted when recorded and no restore line gives it
        /// back, by line number: what was redacted (`redactedValues`: "the URL's token", "the --secret-key value").
        public var redacted: [Int: String] = [:]
        /// The blocks that look like kops blocks but were not read, so not replayed (`TranscriptParser.commonMarkRead`).
        public var unreadBlocks: [TranscriptParser.UnreadBlock] = []

        /// What `kops check --update` writes: `actual` up to the block of `dependedOn`, and the file's own text from there
        /// on (every later block as recorded, but those of `help` and `explain`: a replay without that line cannot renew
        /// them, probe18 P18-5/P18-4); `actual` when every line that changes something ran.
        public var updated = ""
        /// The restore lines of `updated` (`restore` for the blocks replayed, the file's for the blocks kept).
        public var updatedRestore = TranscriptRestore()
        /// The first line not run whose effect later lines may show: a write not sent (`writesNotReplayed`,
        /// `writesNotSent`) or a `source` (its commands are not run again); `sendable` when `--allow-writes` would send
        /// it. Nil when there is none, or it is the last block.
        public var dependedOn: (line: Int, command: String, sendable: Bool)?
        /// True when `dependedOn` is a block that was not read (`unreadBlocks`: indented 4 spaces, a language spelled
        /// otherwise…): its command is the block's first line, which may be no command at all. It may have been an
        /// `output json`, a `use` or a `capture`, so the blocks after it are kept as recorded like those after a write not
        /// sent (probe22 P22-11: `--update` rewrote them, and exited 0).
        public var dependedOnIsUnread = false
        /// The lines of the blocks after `dependedOn` whose replay differs from the file: `updated` keeps them as
        /// recorded. Empty when the replay after it matches. Lines that depend on nothing (`help`, `explain`) are renewed.
        public var keptAfterUnreplayed: [Int] = []

        /// The `profile use` line where the replay stopped (`ProfileUse.switched`), why, and how many blocks follow it:
        /// it and they are kept as recorded, unchecked. Nil when the replay went to the end.
        public var stoppedAt: (line: Int, command: String, reason: String, after: Int)?

        /// The blocks of a demo transcript replayed without a `<!-- clock: … -->` line of their own (an editor or a
        /// ticket system that strips HTML comments removed it): each ran at the instant of the block before it, so its
        /// times may differ, and `--update` writes no clock line for it (probe41 P41-4).
        public var unclocked: [(line: Int, command: String)] = []

        /// The `@@ line N (in 'COMMAND')` lines of the hunks that differ only by an earlier kops's layout
        /// (`TranscriptChecker.withoutEarlierLayout`): left out of `diff`, named by `earlierLayoutNote`.
        public var earlierLayout: [String] = []

        /// The `@@` lines of the hunks that differ only by ages moved with the clock since the recording
        /// (`TranscriptChecker.withoutMovedAges`): left out of `diff`, named by `movedAgesNote`.
        public var movedAges: [String] = []

        /// The `@@` lines of the hunks that differ only by the ids of kops's own calls, new with every run
        /// (`TranscriptChecker.withoutOwnCallIDs`): left out of `diff`, named by `ownCallIDsNote`.
        public var ownCallIDs: [String] = []

        /// How many successful reads with the replay's key since the recording, to paths the replay did not call, were
        /// taken for earlier runs' of the transcript and left out of counts and log pages (`OwnLookups.assumedReads`).
        public var assumedEarlierReads = 0
        /// How many of Kapso's normal answers (404 `Marketing preference not found`) with the replay's key were taken for
        /// earlier runs' though the replay made no such call (`OwnLookups.assumedNormalAnswers`, tester67b Z4).
        public var assumedNormalAnswers = 0
        /// Whether the API's clock was behind the recording's (a fixed-clock simulator): `assumedEarlierReads` may hold
        /// reads made before the recording.
        public var clockBehind = false

        /// The line of a list page made before the recording, kept as recorded, when no value hashes came with the file
        /// (its restore file missing, or written by an older kops): a later line that shows one of the page's messages or
        /// contacts again gets a new alias, so the replay may differ on unchanged data, and `--update` would write one value
        /// under two aliases (tester70b G9). Nil otherwise.
        public var unpairedKeptPage: Int?

        /// True when `updated` differs from the file (what `--update` would change), trailing blank lines aside.
        public var updateChanges = false

        /// The last write not replayed before the first difference (`writesNotReplayed`), or nil: the lines that differ
        /// may show the state that write would have made (a delivery still pending, a webhook that is not there).
        public var writeBeforeFirstDifference: (line: Int, command: String)? {
            guard let first = diff.first(where: { $0.hasPrefix("@@ line ") }),
                let number = Int(first.dropFirst(8).prefix { $0.isNumber })
            else { return nil }
            return writesNotReplayed.last { $0.line < number }
        }
    }
}
