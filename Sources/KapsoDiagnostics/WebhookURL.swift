internal import KapsoClient
internal import KopsHTTP

/// Facts about a webhook receiver's URL that checks and tables share.
public enum WebhookURL {
    /// A URL without its `https://` scheme, for narrow columns; `http://` is kept, as a plain-http receiver's scheme is
    /// often the cause its row shows (a 301 to https: tester70 F9, the lists showed it as the https one); a URL that may
    /// carry a key keeps it,
    /// because the redactor finds URLs by their scheme: a `@` or a `?` (`user:pass@`, `?token=…`), and a key in the
    /// path or host (`mayHoldKey`: Slack's `hooks.slack.com/services/T…/B…/KEY`, a Telegram bot's `bot<id>:<token>`,
    /// n8n's `/webhook/<key>`, Zapier's `/hooks/catch/ACCOUNT/KEY/`; probe38 P38-1: the shortened forms were printed
    /// and recorded in clear by `deliveries`, `errors` and `logs search`).
    public static func short(_ url: String) -> String {
        let mayCarryCredentials = url.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.contains(UInt8(ascii: "@")) || bytes.contains(UInt8(ascii: "?")) || mayHoldKey(bytes)
        } ?? (url.utf8.contains { $0 == UInt8(ascii: "@") || $0 == UInt8(ascii: "?") } || mayHoldKey(Array(url.utf8)))
        if mayCarryCredentials { return url }
        // A table shows one a row: the scheme is looked for in the bytes. When an ASCII byte (or nothing) follows it,
        // the Character comparison below would give the same (no ASCII character joins the `/` before it).
        let cut = url.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard let length = schemeLength(bytes) else { return nil }
            if length == 7 { return url }
            // The bytes after the scheme, cut at an ASCII byte: the same text as `String(url.utf8.dropFirst(length))`.
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[length...]), as: UTF8.self)
        }
        if let cut, let text = cut { return text }
        if url.hasPrefix("https://") { return String(url.dropFirst("https://".count)) }
        return url
    }

    /// `short(String(decoding: utf8, as: UTF8.self))` read from the bytes, for a URL a table row reads where it was
    /// received (one string made instead of the URL's and then its cut); nil where the bytes alone cannot tell (no
    /// `http://` or `https://` bytes at the start, or a non-ASCII byte right after them: then the `Character`
    /// comparison of `short(_:)` decides).
    public static func short(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String? {
        // `@` and `?` are ASCII: a byte of them is one in the decoded text too (repairs replace only non-ASCII bytes).
        if ByteWords.firstIndex(of: UInt8(ascii: "@"), in: bytes) != nil
            || ByteWords.firstIndex(of: UInt8(ascii: "?"), in: bytes) != nil || mayHoldKey(bytes)
        {
            return String(decoding: bytes, as: UTF8.self)
        }
        guard let length = schemeLength(bytes) else { return nil }
        if length == 7 { return String(decoding: bytes, as: UTF8.self) }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[length...]), as: UTF8.self)
    }

    /// True when the text after a leading `https://` or `http://` (all of `bytes` when there is none) could hold a key:
    /// an ASCII digit, an upper-case letter, `:`, `%` or `=`, or 16 or more ASCII bytes between `/` and `.`. Keys are
    /// random (digits or mixed case) or long; the hosts and paths of receivers a team names by hand
    /// (`hooks.acme.test/kapso/whatsapp`) have none of these and are shown without the scheme. Keeping a scheme only
    /// widens a column, so the test errs on the side of keeping it.
    static func mayHoldKey<Bytes: RandomAccessCollection>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8, Bytes.Index == Int {
        var start = bytes.startIndex
        for scheme in ["https://", "http://"] {
            let count = scheme.utf8.count
            if bytes.count >= count, bytes[start..<(start + count)].elementsEqual(scheme.utf8) {
                start += count
                break
            }
        }
        var run = 0
        for index in start..<bytes.endIndex {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: ":"), UInt8(ascii: "%"), UInt8(ascii: "="):
                return true
            case UInt8(ascii: "/"), UInt8(ascii: "."):
                run = 0
            case 0x80...:
                continue  // not counted: a key is ASCII, and a repaired byte must read as the byte it replaced
            default:
                run += 1
                if run >= 16 { return true }
            }
        }
        return false
    }

    /// 8 for `https://`, 7 for `http://` at the start of `bytes` when an ASCII byte or nothing follows (no ASCII
    /// character joins the `/` before it, so the `Character` comparison would find the same scheme); nil otherwise.
    private static func schemeLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count >= 7, bytes[0] == 0x68, bytes[1] == 0x74, bytes[2] == 0x74, bytes[3] == 0x70 else { return nil }
        let length = bytes[4] == 0x73 ? 8 : 7  // "https://" or "http://"
        guard bytes.count >= length, bytes[length - 3] == 0x3A, bytes[length - 2] == 0x2F, bytes[length - 1] == 0x2F,
            bytes.count == length || bytes[length] < 0x80
        else { return nil }
        return length
    }

    /// Why a server on the internet (Kapso's) cannot reach `url`: `localhost (this machine)` or `a private-network
    /// address (10.0.0.5)`; nil when the host is public or the URL cannot be read. The host is read as a resolver reads
    /// it (`writtenHost`, `ipv4`, `ipv6`): `localhost.`, `127.1` and `2130706433` are this machine too, and a short form is
    /// named with the address it stands for. Private ranges: RFC 1918 (10/8, 172.16/12, 192.168/16), link-local
    /// 169.254/16, carrier NAT 100.64/10 (RFC 6598), 0/8, IPv6 fc00::/7 and fe80::/10 (and IPv4-mapped ::ffff:a.b.c.d),
    /// names without a dot, and names under suffixes no public DNS answers: `.local` (mDNS, RFC 6762), `.localhost`,
    /// `.internal`, `.home.arpa` (RFC 8375), and the home and office router defaults `.lan`, `.home`, `.corp`,
    /// `.localdomain`, `.intranet`, `.private` (not delegated in the root zone; ICANN declined `.home` and `.corp` as
    /// name-collision risks, 2018).
    public static func unreachable(_ url: String) -> String? {
        guard URLParts(url) != nil, let host = writtenHost(url) else { return nil }
        if let bytes = ipv4(host) {
            let address = bytes.map(String.init).joined(separator: ".")
            let form = address == host ? "" : ": \(host) is \(address)"
            if bytes[0] == 127 { return "localhost (this machine\(form))" }
            return isPrivate(ipv4: bytes) ? "a private-network address (\(host)\(form.isEmpty ? "" : " is \(address)"))" : nil
        }
        if host.contains(":") {
            guard let bytes = ipv6(host) else { return nil }
            if bytes.dropLast().allSatisfy({ $0 == 0 }), bytes[15] <= 1 { return "localhost (this machine)" }
            if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF {
                let mapped = Array(bytes[12...])
                if mapped[0] == 127 { return "localhost (this machine)" }
                return isPrivate(ipv4: mapped) ? "a private-network address (\(host))" : nil
            }
            let isPrivate = bytes[0] & 0xFE == 0xFC || (bytes[0] == 0xFE && bytes[1] & 0xC0 == 0x80)
            return isPrivate ? "a private-network address (\(host))" : nil
        }
        if host == "localhost" || host.hasSuffix(".localhost") { return "localhost (this machine)" }
        let isPrivate = !host.contains(".") || privateSuffixes.contains { host.hasSuffix($0) }
        return isPrivate ? "a private-network address (\(host))" : nil
    }

    /// Name suffixes no public DNS answers (`unreachable`).
    static let privateSuffixes = [
        ".local", ".internal", ".home.arpa", ".lan", ".home", ".corp", ".localdomain", ".intranet", ".private",
    ]

    /// True for 10/8, 172.16/12, 192.168/16, 169.254/16, 100.64/10 and 0/8.
    private static func isPrivate(ipv4 bytes: [UInt8]) -> Bool {
        let (a, b) = (bytes[0], bytes[1])
        return a == 10 || (a == 172 && (16...31).contains(b)) || (a == 192 && b == 168) || (a == 169 && b == 254)
            || (a == 100 && (64...127).contains(b)) || a == 0
    }

    /// A tunnel service whose host names a receiver on someone's own machine.
    public enum Tunnel: Sendable, Equatable {
        case ngrok
        case cloudflareQuick

        /// What a 530 from a trycloudflare.com host means: Cloudflare's error 1033, no cloudflared serves the quick tunnel
        /// (a 530 `"error_code": 1033` for a trycloudflare.com host, orchidfiles/ungate issue 28; Cloudflare's page says
        /// "Ensure that cloudflared is running"; probe40 P40-6).
        public static let cloudflareQuickDown =
            "the Cloudflare quick tunnel is down (530, Cloudflare's error 1033: no cloudflared serves this trycloudflare.com "
            + "URL now), so the request never reached the handler and its logs show nothing: a trycloudflare.com URL lives "
            + "only while its cloudflared runs and a new run gets a new URL: start it again and register the URL it prints, "
            + "or use a named tunnel"

        /// What a 404 through the tunnel's host means. Kapso's delivery log keeps no answer body (kapso-api.md §4), so
        /// the tunnel's own answer (ngrok's ERR_NGROK_3200 page, "The endpoint is offline", ngrok.com/docs/errors/err_ngrok_3200)
        /// cannot be told from the app's own 404 for a path it has no handler for, which a running tunnel passes through
        /// (tester51 G12: every delivery to an ngrok URL 404, none ever delivered, was read as "the tunnel is offline").
        /// `deliveredBefore`: a delivery to the same URL succeeded before the 404, so the path was the handler's and the
        /// tunnel gone is the likely cause; false or nil (never, or not known): both causes, with the check that tells them.
        public func notFound(deliveredBefore: Bool?) -> String {
            let (name, gone, start, page) = switch self {
            case .ngrok:
                ("ngrok", "the tunnel is offline: ngrok answers 404 with ERR_NGROK_3200 'The endpoint is offline' when no "
                    + "agent serves the URL (the agent stopped or crashed, the laptop slept, or it now runs under another URL; "
                    + "ngrok docs, ERR_NGROK_3200)",
                 "start the agent for this URL, or register a URL that does not depend on one machine",
                 "ngrok's own page names ERR_NGROK_3200 when it is the tunnel")
            case .cloudflareQuick:
                ("Cloudflare quick tunnel", "the quick tunnel is gone: a trycloudflare.com URL lives only while its cloudflared "
                    + "runs (account-less tunnels have no uptime guarantee, cloudflared says at start) and a new run gets a new URL",
                 "start it again and register the URL it prints, or use a named tunnel",
                 "Cloudflare's own page when it is the tunnel")
            }
            if deliveredBefore == true {
                return "404 through the \(name) URL after deliveries to it succeeded, so the path was the handler's: most likely "
                    + "\(gone): \(start); if the tunnel runs, the app behind it stopped serving this path"
            }
            return "404 through the \(name) URL: either \(gone), or the tunnel is up and the app behind it has no handler at "
                + "this path (a running tunnel passes the app's own 404 through); Kapso's delivery log keeps no answer body to "
                + "tell which: open the URL in a browser, \(page) (then \(start)); otherwise check the path "
                + "and method (POST) of the app's handler"
        }
    }

    /// The tunnel service of `url`'s host (ngrok's `*.ngrok-free.app`, `*.ngrok-free.dev`, `*.ngrok.app`, `*.ngrok.dev`,
    /// `*.ngrok.io`; Cloudflare's quick tunnels `*.trycloudflare.com`); nil for any other host.
    public static func tunnel(_ url: String) -> Tunnel? {
        guard let host = URLParts(url)?.host.lowercased() else { return nil }
        if [".ngrok-free.app", ".ngrok-free.dev", ".ngrok.app", ".ngrok.dev", ".ngrok.io"].contains(where: host.hasSuffix) {
            return .ngrok
        }
        return host.hasSuffix(".trycloudflare.com") ? .cloudflareQuick : nil
    }
}
