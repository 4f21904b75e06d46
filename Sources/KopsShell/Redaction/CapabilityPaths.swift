internal import KapsoDiagnostics

/// Webhook URLs on any host whose key is a path segment, read by its shape after a word that names it, where
/// `CapabilityURLs`' list of hosts cannot follow every service (probe33 P33-4: IFTTT, Microsoft Teams, Mattermost and
/// n8n hooks were recorded and bundled in clear):
///
/// - after a key word (`key`, `token`, `secret`, …: IFTTT Maker's `https://maker.ifttt.com/trigger/EVENT/with/key/KEY`),
///   the next segment when it has 8 or more characters and a digit or both letter cases;
/// - after a singular hook word (`webhook`, `hook`, `webhook-test`, `IncomingWebhook`: n8n's `/webhook/<uuid>`, Teams'
///   `…/IncomingWebhook/<hex>/<guid>`), the rest of the path when the next segment looks like a key (16 or more
///   characters, random-looking, a UUID or hex);
/// - after a plural hook word (`hooks`, `webhooks`: Mattermost's `/hooks/<26 characters>`, Rocket.Chat's
///   `/hooks/ID/TOKEN`), each segment that looks random; a UUID or hex there is a REST resource's id (Kapso's
///   `/platform/v1/whatsapp/webhooks/<uuid>`), and digits are an id (Discord's webhook id, a phone-number id): shown.
///
/// - a host whose first label is a hook word (`https://webhook.site/<uuid>`): as after a singular hook word;
/// - a Telegram bot's path segment `bot<id>:<token>` ("https://api.telegram.org/bot<token>/METHOD_NAME", Telegram's Bot
///   API, "Making requests"): the token after `bot`; and after `integration` the next segment (PagerDuty's
///   `https://events.pagerduty.com/integration/<integration key>/enqueue` [uncertain: the Events API v2 URL form as
///   monitoring tools show it, not checked against PagerDuty's documentation]).
///
/// The words and the shape, not the hosts: a self-hosted Mattermost or n8n has its own host [uncertain: the path forms
/// are from each service's documentation of incoming webhooks, not checked against every version].
enum CapabilityPaths {
    /// Path segments (lower case) after which the next one is a key.
    static let keyWords: Set<String> = ["key", "token", "secret", "apikey", "api_key", "api-key", "access_token", "integration"]
    /// Path segments (lower case) after which the rest of the path is a key when it starts like one.
    static let singularHookWords: Set<String> = ["hook", "webhook", "webhook-test", "webhook-waiting", "incomingwebhook"]
    /// Path segments (lower case) after which each random-looking segment is a key.
    static let pluralHookWords: Set<String> = ["hooks", "webhooks"]

    /// `segments` (a URL's path split at `/`, the first one empty) with each key replaced by `<redacted>`.
    static func mask(_ segments: inout [String], host: String = "") {
        let hostWord = host.contains(".") ? String(host.prefix { $0 != "." }).lowercased() : ""
        if singularHookWords.contains(hostWord) || pluralHookWords.contains(hostWord), segments.count > 1,
            looksLikeKey(segments[1], afterSingular: true)
        {
            for later in 1..<segments.count where !segments[later].isEmpty { segments[later] = redacted }
            return
        }
        var afterPlural = false
        var index = 1
        while index < segments.count {
            if let token = botToken(in: segments[index]) { segments[index].replaceSubrange(token, with: redacted) }
            let word = segments[index].lowercased()
            if afterPlural, looksLikeKey(segments[index], afterSingular: false) { segments[index] = redacted }
            if keyWords.contains(word), index + 1 < segments.count, isKeyAfterKeyWord(segments[index + 1]) {
                segments[index + 1] = redacted
                index += 2
                continue
            }
            if singularHookWords.contains(word), index + 1 < segments.count, looksLikeKey(segments[index + 1], afterSingular: true) {
                for later in (index + 1)..<segments.count where !segments[later].isEmpty { segments[later] = redacted }
                return
            }
            if pluralHookWords.contains(word) { afterPlural = true }
            index += 1
        }
    }

    /// True for a segment after a key word: 8 or more URL characters, with a digit or both letter cases.
    static func isKeyAfterKeyWord(_ segment: String) -> Bool {
        guard segment.count >= 8, segment.allSatisfy(isKeyCharacter) else { return false }
        return segment.contains(where: \.isNumber) || (segment.contains(where: \.isUppercase) && segment.contains(where: \.isLowercase))
    }

    /// True for a segment of 16 or more letters, digits, `_` and `-` that mixes them as a random key does
    /// (`HistoryPolicy.classChanges`, the history file's reading); a UUID or hex only after a singular hook word; digits
    /// alone never.
    static func looksLikeKey(_ segment: String, afterSingular: Bool) -> Bool {
        guard segment.count >= 16, segment.allSatisfy(isKeyCharacter), !segment.allSatisfy(\.isNumber) else { return false }
        let lower = segment.lowercased()
        if IDInput.isUUID(lower) || lower.allSatisfy(\.isHexDigit) { return afterSingular }
        let (changes, length) = HistoryPolicy.classChanges(segment)
        return segment.contains(where: \.isNumber) && segment.contains(where: \.isLetter) && changes >= max(4, length / 4)
    }

    /// Where the token is in a Telegram bot's segment (`bot123456789:AAH…`: after `bot`, digits, `:` and 20 or more key
    /// characters); nil for any other segment.
    static func botToken(in segment: String) -> Range<String.Index>? {
        guard segment.count > 30, segment.lowercased().hasPrefix("bot"), let colon = segment.firstIndex(of: ":") else { return nil }
        let id = segment[segment.index(segment.startIndex, offsetBy: 3)..<colon]
        let secret = segment[segment.index(after: colon)...]
        guard !id.isEmpty, id.allSatisfy({ $0.isASCII && $0.isNumber }), secret.count >= 20, secret.allSatisfy(isKeyCharacter) else {
            return nil
        }
        return segment.index(segment.startIndex, offsetBy: 3)..<segment.endIndex
    }

    private static func isKeyCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "_" || character == "-")
    }

    private static let redacted = "<redacted>"

    /// False only where `mask` leaves the path starting at `start` (a `/`, or where the URL's host ended) as it is: no
    /// segment that `mask` could take for a key, and no byte past ASCII or `\r\n` (one `Character`) is there, nor right
    /// after a delimiter (a combining mark joins it into a `Character` that delimits nothing). A key is a segment long
    /// enough for its reading: 8 bytes after a key word, 16 after a hook word (or anywhere after a plural one), or a bot
    /// token; a hook word followed by a short segment (`/webhooks/kapso`, each webhook of the demo) is no key, and
    /// masking that text again cost the 50-command replay 67 M instructions (docs/performance.md, "Session 33").
    /// Allocates nothing.
    static func mayHoldKey(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        guard start < bytes.count, bytes[start] == slash else { return false }
        var segmentStart = start + 1
        var index = start + 1
        if index < bytes.count, bytes[index] >= 0x80 { return true }
        // The length a segment needs to be read as a key: after a key word 8, after a singular hook word 16, none else.
        var keyLength = Int.max
        var afterPlural = false
        while true {
            // Most bytes of a path stop nothing: stepped over after one look-up.
            if index < bytes.count, !URLCredentialScan.stopsHostOrSegment(bytes[index]) {
                index += 1
                continue
            }
            let atEnd = index == bytes.count
            let byte = atEnd ? 0 : bytes[index]
            if !atEnd, byte >= 0x80 || (byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A) { return true }
            if atEnd || byte == slash || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") || URLCredentialScan.isEnd(byte) {
                let segment = bytes[segmentStart..<index]
                if segment.count >= keyLength || (afterPlural && segment.count >= 16) || mayBeBotToken(segment) { return true }
                keyLength = Int.max
                switch word(segment) {
                case .key?: keyLength = 8
                case .singularHook?: keyLength = 16
                case .pluralHook?: afterPlural = true
                case nil: break
                }
                if atEnd { return false }
                if index + 1 < bytes.count, bytes[index + 1] >= 0x80 { return true }
                if byte != slash { return false }
                segmentStart = index + 1
            }
            index += 1
        }
    }

    /// True when `host` (a URL's host, its bytes) starts with a hook word and a dot, in any ASCII case, and the path
    /// starting at `start` has a first segment long enough to be a key (16 bytes), or bytes that cannot say.
    static func isHookHost(_ host: Slice<UnsafeBufferPointer<UInt8>>, pathFrom start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let dot = host.firstIndex(of: UInt8(ascii: ".")), isWord(host[host.startIndex..<dot]) else { return false }
        guard start < bytes.count, bytes[start] == slash else { return false }
        var index = start + 1
        while index < bytes.count {
            let byte = bytes[index]
            if !URLCredentialScan.stopsHostOrSegment(byte) {
                index += 1
                continue
            }
            if byte >= 0x80 || byte == 0x0D { return true }
            if byte == slash || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") || URLCredentialScan.isEnd(byte) { break }
            index += 1
        }
        if index + 1 < bytes.count, bytes[index + 1] >= 0x80 { return true }
        return index - start - 1 >= 16
    }

    /// True for a segment that starts with `bot` in any ASCII case and holds a `:` (`botToken` may find a token there).
    private static func mayBeBotToken(_ segment: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard segment.count > 30 else { return false }
        let start = segment.startIndex
        return ByteSearch.fold(segment[start]) == UInt8(ascii: "b") && ByteSearch.fold(segment[start + 1]) == UInt8(ascii: "o")
            && ByteSearch.fold(segment[start + 2]) == UInt8(ascii: "t") && segment.contains(UInt8(ascii: ":"))
    }

    /// True when `segment` is one of the words, in any ASCII case.
    private static func isWord(_ segment: Slice<UnsafeBufferPointer<UInt8>>) -> Bool { word(segment) != nil }

    /// Which of the lists `segment` is a word of, in any ASCII case; nil for none.
    ///
    /// Only the words of the segment's length are compared (`wordsByLength`, at most two): walking all fifteen, each
    /// length compared, cost about 130 instructions a segment, 5 M of the 10,000 URLs of `deliveries --all --output json`
    /// (docs/performance.md, "Session 37"). `CapabilityScanTests` compares the answer with every word tried.
    ///
    /// A segment whose length, first and last byte no word has (`wordFilter`) is answered before any word is read: the
    /// look-up retains and releases the arrays it reads, about 125 instructions at each of the two segments of the
    /// webhook URL (`/kapso/whatsapp`) every delivery of a `deliveries --all` page holds (`mayHoldKey` 767 → 517
    /// instructions a call; docs/performance.md, "Session 47").
    static func word(_ segment: Slice<UnsafeBufferPointer<UInt8>>) -> WordKind? {
        guard segment.count >= 3, segment.count <= 15,
            wordFilter &>> filterBit(segment.count, segment[segment.startIndex], segment[segment.endIndex - 1]) & 1 != 0
        else { return nil }
        return wordsByLength[segment.count].first { word, _ in zip(word, segment).allSatisfy { $0 == ByteSearch.fold($1) } }?.1
    }

    enum WordKind { case key, singularHook, pluralHook }

    /// Each word (lower case bytes) with its list: `keyWords`, `singularHookWords`, `pluralHookWords`.
    static let wordBytes: [([UInt8], WordKind)] = keyWords.map { (Array($0.utf8), WordKind.key) }
        + singularHookWords.map { (Array($0.utf8), WordKind.singularHook) } + pluralHookWords.map { (Array($0.utf8), WordKind.pluralHook) }

    /// A bit for each word's length, first and last byte (`filterBit`): a segment whose bit is clear is no word.
    private static let wordFilter: UInt64 = wordBytes.reduce(0) { filter, word in
        filter | 1 << filterBit(word.0.count, word.0[0], word.0[word.0.count - 1])
    }

    /// The bit of `wordFilter` for a segment of `count` bytes from `first` to `last`, in any ASCII case.
    @inline(__always)
    private static func filterBit(_ count: Int, _ first: UInt8, _ last: UInt8) -> UInt64 {
        UInt64(truncatingIfNeeded: (count &* 2 &+ Int(ByteSearch.fold(first)) &* 10 &+ Int(ByteSearch.fold(last))) & 63)
    }

    /// `wordBytes` by their length, 0 to 15.
    private static let wordsByLength: [[([UInt8], WordKind)]] = (0...15).map { length in wordBytes.filter { $0.0.count == length } }
    private static let slash = UInt8(ascii: "/")
}
