internal import KapsoClient

/// What `webhooks probe`'s three deliveries (signed ASCII, signed non-ASCII, wrong signature) show about a handler,
/// e.g. `a wrong signature was rejected (401) while correctly signed ones were accepted`.
///
/// Only what the answers prove is stated: a wrong signature counts as rejected only when correctly signed deliveries
/// were accepted (a handler that fails everything shows nothing about its signature check), and TLS counts as
/// verified only when an https handler answered (kops's transport always verifies certificates, so an answer
/// means the handshake passed). Source: issue 17 §4; Kapso's 200-within-10-s rule, kapso-api.md §10.2.
public struct WebhookProbeReading: Sendable, Equatable {
    /// What one probe delivery got.
    public enum Answer: Sendable, Equatable {
        /// The handler answered with this HTTP status (after `seconds`).
        case status(Int, seconds: Double)
        /// Nothing was reached: the host did not resolve, nothing accepted the connection, or connecting timed out.
        case noConnection
        /// The TLS handshake failed (certificate, hostname, protocol); the detail is the transport's.
        case tlsFailed(String)
        /// Connected, but no HTTP answer: the handler hung past 10 s, closed the connection, or Ctrl-C stopped it.
        case noAnswer

        /// The handler took it: a 2xx within Kapso's 10 s (whether Kapso counts a 2xx other than 200 as delivered is
        /// not documented: its docs say 200, and the reading says so separately).
        public var isAccepted: Bool {
            if case .status(let status, let seconds) = self { return (200..<300).contains(status) && seconds <= 10 }
            return false
        }

        var status: Int? {
            if case .status(let status, _) = self { return status }
            return nil
        }

        var shortText: String {
            switch self {
            case .status(let status, let seconds): seconds > 10 ? "\(status) after Kapso's 10 s limit" : String(status)
            case .noConnection: "no connection"
            case .tlsFailed: "TLS failure"
            case .noAnswer: "no answer"
            }
        }
    }

    /// One line of the reading.
    public struct Verdict: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            /// The handler does the right thing.
            case good
            /// Not shown either way; the text says why.
            case undetermined
            /// Kapso's deliveries fail or anyone can post to the handler: `webhooks probe` exits 1.
            case error
        }

        public var kind: Kind
        public var text: String
    }

    /// TLS, then the signature check, then whether correct deliveries are accepted.
    public let verdicts: [Verdict]
    /// How the wrong-signature probe's own line should read: good only when it proves a rejection.
    public let wrongSignatureKind: Verdict.Kind

    public var hasError: Bool { verdicts.contains { $0.kind == .error } }

    /// `signedBodies`: the start of the bodies the two signed deliveries got back (any order), read for the word
    /// "signature" when they were refused with another 4xx than 401/403 (tester63b AO9).
    public init(https: Bool, signedASCII: Answer, signedNonASCII: Answer, wrongSignature: Answer, signedBodies: [String] = []) {
        let all = [signedASCII, signedNonASCII, wrongSignature]
        var verdicts: [Verdict] = []
        if !https {
            verdicts.append(Verdict(kind: .good, text: "plain http (loopback only)"))
        } else if all.contains(where: { $0.status != nil }) {
            verdicts.append(Verdict(kind: .good, text: "TLS verified (https)"))
        } else if let detail = all.lazy.compactMap({ answer -> String? in
            if case .tlsFailed(let detail) = answer { return detail }
            return nil
        }).first {
            verdicts.append(Verdict(kind: .error, text: "error: TLS failed: \(detail); Kapso cannot deliver to this URL"))
        } else {
            let why = all.allSatisfy { $0 == .noConnection } ? "no connection was made" : "no answer came"
            verdicts.append(Verdict(kind: .undetermined, text: "TLS not checked: \(why)"))
        }

        let signedAccepted = signedASCII.isAccepted || signedNonASCII.isAccepted
        let signedText = [signedASCII, signedNonASCII].map(\.shortText).joined(separator: ", ")
        let signature: Verdict
        switch wrongSignature {
        case _ where wrongSignature.isAccepted:
            signature = Verdict(
                kind: .error,
                text: "error: the handler accepted a wrong signature: anyone can post events to it; verify X-Webhook-Signature")
        case .status(let status, _) where signedAccepted:
            signature = Verdict(kind: .good, text: "a wrong signature was rejected (\(status)) while correctly signed ones were accepted")
        case .status(let status, _) where signedASCII.status == status && signedNonASCII.status == status:
            signature = Verdict(
                kind: .undetermined,
                text: "wrong signature → \(status), like the signed ones: cannot tell whether the handler verifies signatures")
        case .status(let status, _):
            signature = Verdict(
                kind: .undetermined,
                text:
                    "wrong signature → \(status), signed ones → \(signedText): signature checking is not confirmed until signed deliveries are accepted"
            )
        default:
            signature = Verdict(
                kind: .undetermined, text: "signature checking not tested: the wrong-signature delivery got \(wrongSignature.shortText)")
        }
        verdicts.append(signature)

        switch (signedASCII, signedNonASCII) {
        case (.status(200, _), .status(200, _)) where signedASCII.isAccepted && signedNonASCII.isAccepted:
            verdicts.append(Verdict(kind: .good, text: "correctly signed deliveries were accepted, ASCII and not"))
        // Another 2xx: the handler took them, but Kapso documents 200 and does not say how it counts another 2xx
        // (`DeliveryAnswer.otherSuccessRemark`): said, not called an error (probe42 P42-8, probe43 P43-12).
        case (_, _) where signedASCII.isAccepted && signedNonASCII.isAccepted:
            let status = [signedASCII, signedNonASCII].compactMap { answer -> Int? in
                if case .status(let status, _) = answer, status != 200 { return status }
                return nil
            }.first ?? 200
            verdicts.append(
                Verdict(
                    kind: .undetermined,
                    text: "warning: correctly signed deliveries got \(signedText): " + DeliveryAnswer.otherSuccessRemark(status)))
        case (_, .status(let status, _)) where signedASCII.isAccepted && (400..<500).contains(status):
            verdicts.append(
                Verdict(
                    kind: .error,
                    // Both causes fit this evidence, as for a 500 below (tester54 V16: a handler hashing the body re-encoded
                    // as Latin-1 was said to hash re-serialised JSON).
                    text: "error: the ASCII body passed but the non-ASCII one got \(status): the handler hashes re-serialised JSON "
                        + "or the text in a wrong text encoding (e.g. read as UTF-8, written as Latin-1), not the raw bytes"
                ))
        case (_, _) where signedASCII.isAccepted:
            verdicts.append(
                Verdict(
                    kind: .error,
                    text:
                        "error: the ASCII body passed but the non-ASCII one got \(signedNonASCII.shortText): the handler fails on non-ASCII text (re-serialised JSON or a wrong text encoding)"
                ))
        // Every signed delivery refused as unauthorised (tester62 AL10: the commonest probe outcome named no cause). The
        // probe signs with the webhook's own secret_key and sends its headers, as Kapso does, so the handler's check
        // rejects Kapso's signature itself.
        // Only a body that names the signature, or a wrong signature answered otherwise, points at the signature check:
        // the same 401/403 to all three may come from a WAF, a proxy or an auth layer in front of it (tester64b U9).
        case (.status(let ascii, _), .status(let other, _)) where [401, 403].contains(ascii) && [401, 403].contains(other):
            let named = signedBodies.contains { $0.lowercased().contains("signature") }
            let sameToWrong = wrongSignature.status.map { [ascii, other].contains($0) } ?? true
            let missing = signedBodies.contains(where: Self.saysHeaderMissing)
            // A body naming Meta's header: the handler checks the other kind's header (tester66b X12), missing or not.
            let metaHeader = signedBodies.lazy.compactMap(Self.metaHeaderNamed(in:)).first
            verdicts.append(
                Verdict(
                    kind: .error,
                    text: metaHeader.map { Self.metaHeaderChecked(signedText, header: $0) }
                        ?? (missing
                            ? Self.headerNotReceived(signedText)
                            : named || !sameToWrong
                                ? Self.signatureRefused(signedText, named: named)
                                : Self.refusedRegardless(signedText, bodies: signedBodies))))
        // A 4xx whose body names the signature: several webhook libraries answer a bad signature 400 (tester63b AO9:
        // 400 "invalid signature" to all three got the generic line).
        case (.status(let ascii, _), .status(let other, _))
        where (400..<500).contains(ascii) && (400..<500).contains(other) && ascii != 404 && other != 404
            && signedBodies.contains(where: { $0.lowercased().contains("signature") }):
            let missing = signedBodies.contains(where: Self.saysHeaderMissing)
            let metaHeader = signedBodies.lazy.compactMap(Self.metaHeaderNamed(in:)).first
            let text = metaHeader.map { Self.metaHeaderChecked(signedText, header: $0) }
                ?? (missing ? Self.headerNotReceived(signedText) : Self.signatureRefused(signedText, named: true))
            verdicts.append(Verdict(kind: .error, text: text))
        // 404 to every delivery, the wrong-signature one too: nothing there serves the URL's path (tester63b AO9).
        case (.status(404, _), .status(404, _)) where wrongSignature.status == 404:
            verdicts.append(
                Verdict(
                    kind: .error,
                    text: "error: every delivery got 404, the wrong signature too: the server answers but serves no handler at "
                        + "this URL's path; compare the webhook's URL with the route the handler listens on (a typo, a missing "
                        + "prefix, a trailing /), then 'webhooks update ID --url' with the right one"))
        case (.noConnection, .noConnection):
            verdicts.append(
                Verdict(kind: .error, text: "error: no delivery reached the handler: Kapso's deliveries to it fail and are retried"))
        default:
            verdicts.append(
                Verdict(
                    kind: .error,
                    text: "error: a correctly signed delivery was not accepted: Kapso's deliveries to it fail and are retried"))
        }
        self.verdicts = verdicts
        self.wrongSignatureKind = signature.kind
    }

    /// The verdict on signed deliveries the handler's signature check refused (`signedText`: their answers), `named` when
    /// it was read from a body that names the signature. The probe signs with the webhook's own secret_key and sends
    /// its headers, as Kapso does, so the check rejects Kapso's signature itself (tester62 AL10).
    static func signatureRefused(_ signedText: String, named: Bool) -> String {
        "error: correctly signed deliveries were refused (\(signedText)\(named ? ", the answer names the signature" : "")): "
            + "the handler rejects the signature "
            + "Kapso sends: its secret is not this webhook's secret_key (another webhook's, a test value, an env var "
            + "with a stray space or quotes), it hashes something other than the raw body bytes (JSON parsed and "
            + "serialised again changes the spacing even of ASCII text), or it wants an authorization this webhook's "
            + "headers do not carry; 'listen --save DIR' keeps a delivery, then 'verify' checks it against the secret"
    }

    /// The reading weighed against Kapso's own delivery log: `delivered` is the time (Unix seconds) of the webhook's
    /// newest delivery when it and every later one were delivered (nil when the log shows no such recovery or was not
    /// read). The probe runs from this machine, not from Kapso: a name this machine cannot resolve (split-horizon DNS, a
    /// VPN) or an allow-list that admits only Kapso's addresses fails the probe while Kapso's deliveries succeed
    /// (tester70 F10: "Kapso's deliveries to it fail and are retried" beside a log of 200s, and "check the URL" of a
    /// working one). Each error then says the failure is this machine's, never Kapso's.
    public func weighed(kapsoDeliveredAt delivered: Int64?, webhookID: String) -> [Verdict] {
        guard let delivered, hasError else { return verdicts }
        let evidence = "yet Kapso's own deliveries to it succeed (the newest delivered at \(KapsoTime.iso(delivered))): the "
            + "probe ran from this machine, so the failure is likely local to it (DNS, a VPN, an IP allow-list that admits "
            + "Kapso); 'webhooks test \(webhookID)' sends one from Kapso"
        return verdicts.map { verdict in
            guard verdict.kind == .error else { return verdict }
            let retried = ": Kapso's deliveries to it fail and are retried"
            let text = verdict.text.hasSuffix(retried)
                ? String(verdict.text.dropLast(retried.count)) + " from this machine, " + evidence
                : verdict.text + "; " + evidence
            return Verdict(kind: .error, text: text)
        }
    }
}
