internal import Foundation
internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

/// What a block shows: its prompt line and output masked, redacted and without escapes, and its restore lines kept.
extension TranscriptRecorder {
    /// The running command line took `words` that were not typed: the consent a "y" at a terminal gave (`--yes` for
    /// `webhooks delete ID`: probe18 P18-20), or the session's id it used (`trace` → `trace WAMID`: probe18 P18-27).
    /// Its prompt line, when nothing follows it yet, is rewritten with them (masked as any line, its restore line kept),
    /// so `kops check` replays what ran, where no one is asked and the session before the recording is not there. A
    /// line of several commands, one masking changed, or one whose block already has output is left as it is.
    public func completeLine(with words: String) {
        guard depth == 1, !skipping else { return }
        if let waiting = pending {
            guard ((try? Lexer.commands(in: waiting.line))?.count ?? 0) == 1 else { return }
            pending = (waiting.clockLine, waiting.prompt, waiting.line + " " + words, waiting.typed + " " + words)
            return
        }
        guard let opened = lastPrompt, ((try? Lexer.commands(in: opened.line))?.count ?? 0) == 1 else { return }
        lastPrompt = nil
        let line = opened.line + " " + words
        let shown = maskLine(line)
        let old = opened.prompt + opened.line + "\n", new = opened.prompt + shown + "\n"
        if destination == .memory {
            guard text.utf8.count == opened.textCount, text.hasSuffix(old) else { return }
            text.removeLast(old.count)
            text += new
        }
        if let file, stillOwnsFile() {
            var info = stat()
            let oldBytes = fileBytes(old)
            guard stat(file, &info) == 0, info.st_size >= oldBytes.count,
                let handle = FileHandle(forUpdatingAtPath: file)
            else { return }
            defer { try? handle.close() }
            let start = UInt64(info.st_size) - UInt64(oldBytes.count)
            guard (try? handle.seek(toOffset: start)) != nil, let tail = try? handle.readToEnd(), tail == Data(oldBytes),
                (try? handle.truncate(atOffset: start)) != nil
            else { return }
            writeFailure = TranscriptFile.append(fileBytes(new), to: file)
        }
        if let block = openBlock, block.hasSuffix(old) { openBlock = String(block.dropLast(old.count)) + new }
        occurrences[opened.line, default: 1] -= 1
        let occurrence = occurrences[shown, default: 0]
        occurrences[shown] = occurrence + 1
        keep(line, as: shown, occurrence: occurrence)
    }

    /// Text written outside a result (errors): masked as text.
    public func write(_ text: String, to stream: OutputStream) {
        guard depth > 0, !skipping else { return }
        masker?.learn(from: results())
        open()
        append(mask(TranscriptRecorder.removingEscapes(text)))
    }

    /// A command's result, rendered for the page: `renderer`'s mode without its width or colour, each
    /// cell masked before the columns are measured; `redact` is the shell's redaction of the text.
    public func record(_ result: CommandResult, renderer: Renderer, redact: (String) -> String) {
        guard depth > 0, !skipping else { return }
        masker?.learn(from: results())
        masker?.learn(from: result.json)
        masker?.learnOwnIDs(ownIDs())
        open()
        var page = renderer
        page.table.width = nil
        page.errorWidth = nil
        page.table.color = false
        var shown = result
        // JSON is only rendered in JSON mode; masking it otherwise would number aliases the page never shows.
        if page.mode != .json { shown.json = nil }
        let (out, err) = page.render(masker?.mask(shown) ?? shown)
        for (index, lines) in [out, err].enumerated() where !lines.isEmpty {
            // Redacted around what the masker wrote, never inside it (tester58 AD6.5: `password=<body 16> 14>`).
            let text = PIIMasker.outsideMasks(lines.joined(separator: "\n") + "\n", redact)
            let masked = mask(TranscriptRecorder.removingEscapes(text))
            // A JSON result stays JSON once masked (tester47 L3).
            let json = index == 0 && page.mode == .json && (masked.first == "{" || masked.first == "[")
            append(json ? PIIMasker.quotingBareMasks(masked) : masked)
        }
    }

    /// Secrets kops learned after they were recorded (`set ms VALUE`, then `verify --secret ${ms}`: probe14 P14-4):
    /// every occurrence already written becomes `<redacted>`, on the page, in the restore file and in the block
    /// counts that key it. The file was written as the session went, so it is rewritten in place (values under
    /// 4 characters are left, as the redactor leaves them).
    ///
    /// Pieces of them go too, as the redactor masks them in what it shows (`SecretFragments`: a random-looking run of 8 or
    /// more characters): a secret built from two variables (`set pre whsec_`, `set body Zx81…`, `--secret ${pre}${body}`)
    /// left its `set body …` line in clear, every random character of it (probe33 P33-2).
    public func redactRecorded(_ secrets: [String]) {
        let secrets = secrets.filter { $0.count >= 4 }
        guard !secrets.isEmpty else { return }
        let fragments = SecretFragments(secrets.map { Secret($0) })
        func scrub(_ text: String) -> String {
            // As the redactor masks them: a plain word stays where it is a label of a host name (`HostLabelSecrets`).
            let whole = secrets.reduce(text) { $0.contains($1) ? HostLabelSecrets.replacing($1, in: $0) : $0 }
            return fragments.isEmpty ? whole : fragments.masked(whole)
        }
        text = scrub(text)
        if let openBlock { self.openBlock = scrub(openBlock) }
        if let pending { self.pending = (pending.clockLine, pending.prompt, scrub(pending.line), scrub(pending.typed)) }
        occurrences = Dictionary(occurrences.map { (scrub($0.key), $0.value) }, uniquingKeysWith: +)
        let scrubbed = TranscriptRestore(
            lines: Dictionary(restore.lines.map { (scrub($0.key), $0.value.map(scrub)) }, uniquingKeysWith: +))
        let restoreChanged = scrubbed != restore
        restore = scrubbed
        guard let file, case .file(let path) = destination, stillOwnsFile() else { return }
        if restoreChanged { saveRestore(besides: path) }
        guard let data = FileManager.default.contents(atPath: file), let old = String(data: data, encoding: .utf8)
        else { return }
        let new = scrub(old)
        guard new != old, let handle = FileHandle(forWritingAtPath: file) else { return }
        defer { try? handle.close() }
        try? handle.truncate(atOffset: 0)
        try? handle.write(contentsOf: Data(new.utf8))
        // Its own rewrite: a stopped recording is still continued by `record --append` (`continues(_:)`).
        if stoppedLength != nil { stoppedLength = new.utf8.count }
    }

    /// After `kops check` replayed a line (its block opened at `start` or after) with numbers the masker assumed were the business's own
    /// (`PIIMasker.assumeOwnNumbers`): when one is not, by what the replay's session and results show, the block's prompt
    /// line is masked as `record` masks it and its typed form kept for the restore file (probe42 P42-4).
    func endAssumedOwnNumbers(since start: Int) {
        guard let masker, !masker.assumedOwnNumbers.isEmpty else { return }
        masker.learnOwnNumbers(ownNumbers().map { String($0.prefix { !$0.isLetter }) })
        masker.learnOwnIDs(ownIDs())
        guard masker.endAssumedOwnNumbers(), destination == .memory, let opened = openedLine, opened.offset >= start
        else { return }
        let line = opened.line
        let shown = maskLine(line)
        // The line as written: spaces or tabs after it are the file's (`lookAlike`), dropped with the rewrite.
        let old = opened.prompt + opened.shown
        let bytes = Array(text.utf8)
        guard shown != opened.shown, opened.offset <= bytes.count,
            let end = bytes[opened.offset...].firstIndex(of: UInt8(ascii: "\n")),
            case let written = String(decoding: bytes[opened.offset..<end], as: UTF8.self),
            written.hasPrefix(old), written.dropFirst(old.count).allSatisfy({ $0 == " " || $0 == "\t" })
        else { return }
        text = String(decoding: bytes[..<opened.offset], as: UTF8.self) + opened.prompt + shown
            + String(decoding: bytes[end...], as: UTF8.self)
        openedLine = (opened.prompt, shown, line, opened.offset)
        occurrences[opened.shown, default: 1] -= 1
        let occurrence = occurrences[shown, default: 0]
        occurrences[shown] = occurrence + 1
        keep(line, as: shown, occurrence: occurrence)
    }

    /// `line` (redacted for the page) as its block's prompt line shows it, masked as it would be run now.
    func shownLine(_ line: String) -> String { maskLine(line) }

    func maskLine(_ line: String) -> String {
        masker?.learnOwnNumbers(ownNumbers().map { String($0.prefix { !$0.isLetter }) })
        masker?.learnOwnIDs(ownIDs())
        let redacted = redactingTypedTokens(Redactor.maskHeaders(line, signatures: true))
        // Control characters typed or pasted (a coloured copy's ESC [31m, a BEL) are shown as escapes, as in output,
        // so the file never recolours or retitles its reader's terminal; the restore file keeps the line as it ran
        // (probe18 P18-26).
        return VisibleText.escaped(masker?.mask(commandLine: redacted) ?? redacted)
    }

    /// A block's line that masking changed is kept for the restore file, by its occurrence on the page; so is one typed
    /// with text shaped like a placeholder (`"Hi <contact 1>"`), which `kops check` would otherwise take for masked
    /// (probe29 P29-7: a clean recording was declared edited or missing its restore file).
    func keep(_ line: String, as shown: String, occurrence: Int) {
        guard shown != line || (masker != nil && PIIMasker.isMasked(shown)),
            restore.line(for: shown, occurrence: occurrence) != line
        else { return }
        restore.keep(line, for: shown, occurrence: occurrence)
        if case .file(let path) = destination { saveRestore(besides: path) }
    }

    /// Writes the restore file; a failure is the recording's (`kops check` could not replay the masked lines).
    func saveRestore(besides path: String) {
        guard stillOwnsFile(), !restore.save(besides: path) else { return }
        writeFailure = "its restore file \(TranscriptRestore.path(besides: path)) could not be written"
    }

    func mask(_ text: String) -> String {
        masker?.learnOwnIDs(ownIDs())
        var masked = redactingTypedTokens(Redactor.maskHeaders(text, signatures: true))
        for secret in generatedSecrets() {
            let shown = SecretMask.text(secret)
            let stable = String(shown.prefix { $0 != "…" }) + "…"
            if shown != stable, masked.contains(shown) { masked = masked.replacingOccurrences(of: shown, with: stable) }
        }
        if let liveBaseURL {
            masked = Self.replacingBaseURL(liveBaseURL, with: header.shownBaseURL(live: liveBaseURL), in: masked)
        }
        return masker?.mask(masked) ?? masked
    }

    /// `text` with each whole occurrence of the base URL kops used (`live`, an http or https URL) written as the header
    /// shows it (`http://127.0.0.1:41234` → `http://kapso-demo`): not a base URL kops refused, which reached nothing (no
    /// scheme: `api.kapso.ai` inside a user's `https://api.kapso.ai` became `https://http://api.kapso.ai`; another
    /// scheme: `htps://api.kapso.ai` became `http://api.kapso.ai` in the error that names it: probe38 P38-3), nor
    /// one that continues into a longer host or port (`http://127.0.0.1:4123` in `http://127.0.0.1:41234`), nor one
    /// right after a letter of a longer scheme. The recorded line is then the line shown, as it must be.
    static func replacingBaseURL(_ live: String, with shown: String, in text: String) -> String {
        let scheme = live.prefix { $0 != ":" }.lowercased()
        guard live != shown, scheme == "http" || scheme == "https", live.contains("://"), text.contains(live) else { return text }
        let continuesHost: (Character) -> Bool = { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == ":" || $0 == "_" || $0 == "@" }
        var result = ""
        var rest = Substring(text)
        while let range = rest.range(of: live) {
            let before = range.lowerBound == rest.startIndex ? result.last : rest[rest.index(before: range.lowerBound)]
            let after = range.upperBound == rest.endIndex ? nil : rest[range.upperBound]
            let whole = !(before.map { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "." || $0 == "-" } ?? false)
                && !(after.map(continuesHost) ?? false)
            result += rest[..<range.lowerBound]
            result += whole ? shown : live
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
