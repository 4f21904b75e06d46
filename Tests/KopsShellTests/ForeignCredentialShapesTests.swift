import KopsHTTP
@testable import KopsShell
import Testing

/// Session 33: credentials kops never learned, recognised by their shape in any text the redactor reads (a server's
/// text, a typed line, an error, a `--verbose` line): JSON Web Tokens and SendGrid keys whole across their dots
/// (`DottedTokens`), OpenAI's `sk-`, Google's `AIza`, Stripe's `rk_` (`TokenPrefix.all`), and hook URLs
/// percent-encoded into a text (`CapabilityURLs.maskedEncoded`). Ordinary ids and words next to them still print.
@Suite struct ForeignCredentialShapesTests {
    static let jwtHeader = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
    static let jwtPayload = "eyJzdWIiOiJrYXBzby1yZWNlaXZlciIsImlhdCI6MTc2NDcyMDAwMH0"
    static let jwtSignature = "Qm9vLXNpZ25hdHVyZS1rYXBzbzIwMjZfX2FiY2RlZg"
    static let jwt = "\(jwtHeader).\(jwtPayload).\(jwtSignature)"
    static let sendGrid = "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"
    /// A Kapso cursor: base64 JSON, starting `eyJ` like a JWT's parts (kapso-api.md §2), with and without padding.
    static let cursors = [
        "eyJ2YWx1ZXMiOlsiMjAyNi0xMS0yMFQwOToxNTowMC4xMzEwMDBaIiwiNTAwNyJdLCJjb2x1bW5zIjpbImNyZWF0ZWRfYXQiLCJpZCJdfQ==",
        "eyJ2YWx1ZXMiOlsiMjAyNi0xMS0yMFQwODo1ODo0MC4wMDAwMDBaIiwiOGI5YzBkMWUtMmYzYS00YjRjLTlkNWUtNmY3YThiOWMwZDA0Il0sImNvbHVtbnMiOlsiY3JlYXRlZF9hdCIsImlkIl19",
    ]

    @Test(arguments: [
        // JWTs: in prose, as a Bearer value, in a query, in a path, unsecured (the final dot is the empty signature), a JWE.
        ("receiver said: invalid token \(jwt) (expired)", "receiver said: invalid token <redacted> (expired)"),
        ("Authorization: Bearer \(jwt)", "Authorization: <redacted>"),
        ("sent Bearer \(jwt).", "sent Bearer <redacted>."),
        ("POST https://recv.acme.io/kapso?t=\(jwt)&v=2 -> 401", "POST https://recv.acme.io/kapso?t=<redacted>&v=2 -> 401"),
        ("https://recv.acme.io/in/\(jwt)/events", "https://recv.acme.io/in/<redacted>/events"),
        ("\"token\":\"\(jwt)\"", "\"token\":\"<redacted>\""),
        ("unsecured eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4MSJ9. sent", "unsecured <redacted>. sent"),
        ("jwe eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..x9Ab3dE5gH7j.c2VjcmV0LWJvZHk1.tG7hJ9kL1mN3pQ5rS7tU9w", "jwe <redacted>"),
        // SendGrid, OpenAI, Google, Stripe's restricted key.
        ("mail failed: key \(sendGrid) revoked", "mail failed: key <redacted> revoked"),
        ("OPENAI=sk-proj-Ab3dE5gH7jK9mN1pQ3rS5tU7vW9xY1zA3bC5dE7fG9h", "OPENAI=<redacted>"),
        ("using sk-Ab3dE5gH7jK9mN1pQ3rS5tU7vW9xY1zA3bC5dE7fG9hJ1kL3", "using <redacted>"),
        ("maps: AIzaSyA6JZ7DOCLrEsr92EIJ23wyH8jWHMtl2wU denied", "maps: <redacted> denied"),
        ("stripe rk_live_51Hx3dE5gH7jK9mN1pQ3rS5tU7vW9x", "stripe <redacted>"),
        // Registries' and hosts' tokens (probe34 P34-1: each reached the transcript in clear).
        ("logs search npm_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8", "logs search <redacted>"),
        ("logs search pypi-AgEIcHlwaS5vcmcCJGI4YzQ1NmM0LWE3ZjQtNGE3MS1hNjEx", "logs search <redacted>"),
        ("token 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 rejected", "token <redacted> rejected"),
        ("HF=hf_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789", "HF=<redacted>"),
        ("do: dop_v1_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "do: <redacted>"),
        ("aws AKIAIOSFODNN7EXAMPLE denied", "aws <redacted> denied"),
        ("AWS STS rejected ASIAY34FZKBOKMUTVV7A for this role", "AWS STS rejected <redacted> for this role"),
        // Hook URLs percent-encoded into a log line or an error, plain or lower-case hex, after `=` or in prose.
        ("GET /forward?to=https%3A%2F%2Fhooks.slack.com%2Fservices%2FT0AB12CD3%2FB0EF45GH6%2FaBcDeFgHiJkLmNoPqRsTuVwX&x=1 500",
         "GET /forward?to=https%3A%2F%2Fhooks.slack.com%2Fservices%2FT0AB12CD3%2FB0EF45GH6%2F<redacted>&x=1 500"),
        ("cannot reach https%3A%2F%2Fmaker.ifttt.com%2Ftrigger%2Fkapso%2Fwith%2Fkey%2FdQw4w9WgXcQaB3dE5gH7jK: timeout",
         "cannot reach https%3A%2F%2Fmaker.ifttt.com%2Ftrigger%2Fkapso%2Fwith%2Fkey%2F<redacted>: timeout"),
        ("u=https%3a%2f%2fdiscord.com%2fapi%2fwebhooks%2f112233445566778899%2fZx9-secretTOKEN_abc%3Fwait%3Dtrue",
         "u=https%3a%2f%2fdiscord.com%2fapi%2fwebhooks%2f112233445566778899%2f<redacted>%3Fwait%3Dtrue"),
        ("\"https%3A%2F%2Feo1a2b3c4d5e6f7.m.pipedream.net\"", "\"https%3A%2F%2F<redacted>.m.pipedream.net\""),
        ("tg https%3A%2F%2Fapi.telegram.org%2Fbot123456789%3AAAH4kLmN0pQrStUvWxYz1234567890abcde%2FsendMessage",
         "tg https%3A%2F%2Fapi.telegram.org%2Fbot<redacted>%2FsendMessage"),
        // Session 36: Google OAuth access tokens across their dot (probe34 P34-1), whole, cut short by an error, a
        // service account's with its second dot, in a header and a query.
        ("logs search ya29.a0AfH6SMBx3kLq8ZrT9yU2vW4nP7oQ1sR3tY5uV8wX0zA", "logs search <redacted>"),
        ("cannot read 'ya29.a0AfH6SMBx3kLq8ZrT…' as an id", "cannot read '<redacted>…' as an id"),
        ("sheets said: Bearer ya29.c.b0AXv0zTPq7rS9tU1vW3xY5zA7bC9dE1fG3hJ5kL7. retry", "sheets said: Bearer <redacted>. retry"),
        ("GET https://www.googleapis.com/calendar/v3?key=1&t=ya29.a0Ae4lvC3xYz9Kq2LmNoPqRsTuVw 401",
         "GET https://www.googleapis.com/calendar/v3?key=<redacted>&t=<redacted> 401"),
        // Session 36: a hook URL percent-encoded twice (in a parameter of an encoded URL), either hex case.
        ("GET /r?u=https%253A%252F%252Fhooks.slack.com%252Fservices%252FT0AB12CD3%252FB0EF45GH6%252FaBcDeFgHiJkLmNoPqRsTuVwX 502",
         "GET /r?u=https%253A%252F%252Fhooks.slack.com%252Fservices%252FT0AB12CD3%252FB0EF45GH6%252F<redacted> 502"),
        ("next=https%253a%252f%252fhook.eu1.make.com%252fm4kesecretpath0123456789abcdefgh&x=1",
         "next=https%253a%252f%252fhook.eu1.make.com%252f<redacted>&x=1"),
        ("u=https%253A%252F%252Fdiscord.com%252Fapi%252Fwebhooks%252F112233445566778899%252FZx9-secretTOKEN_abc%253Fwait%253Dtrue",
         "u=https%253A%252F%252Fdiscord.com%252Fapi%252Fwebhooks%252F112233445566778899%252F<redacted>%253Fwait%253Dtrue"),
    ])
    func aShapedCredentialIsMasked(text: String, masked: String) {
        #expect(ShapedCredentialsTests.scan(text))
        #expect(Redactor().redact(text) == masked)
        #expect(Redactor().redact(errorLine: text) == masked)
        // Masked once, the text is masked for good: a sink that redacts again changes nothing.
        #expect(Redactor().redact(masked) == masked)
    }

    /// Not over-masked: Kapso cursors, WAMIDs and phone-number ids, `sk-` inside a word or short, a JWT's header alone,
    /// `SG.` before a short word, Stripe's publishable key, a plain URL percent-encoded.
    @Test(arguments: cursors + [
        "next page: --after \(cursors[0]).", "messages?after=\(cursors[1])&limit=20",
        "wamid.HBgLMTQxNTU1NTAxNDIVAgASGBRBN0YzQzE5RTAyQjg0RDZFNUMxMQA=", "phone number 100200300400501 (waba 200300400500601)",
        "ask-me-anything-2026 and task-runner-2026-12-03", "pip install sk-learn", "sk-1 sk-2", "header eyJhbGciOiJIUzI1NiJ9 only",
        "see SG.com or SG.a1.b2", "pk_live_51Hx3dE5gH7jK9mN1pQ3rS5tU7vW9x", "Aizawa-san wrote", "eyJhbGciOiJIUzI1NiJ9.notjson",
        "cb=https%3A%2F%2Facme.example%2Fkapso%2Fcallback%3Fstep%3D2", "https%3A%2F%2Fhooks.slack.com%2F",
        "100%3A%2F%2F", "e.g. eyJ.x and SG.", "npm_config_registry and hf_hub_download", "AKIA alone", "ASIA alone", "Asia/Kolkata and Asia/Ho_Chi_Minh",
        // Session 36: dotted text that is no Google token; a plain or Slack-less URL encoded twice.
        "graph.facebook.com/v23.0/100200300400501/messages", "kops-0.9.1.tar.gz and yarn.lock", "ya29 alone", "ya29.txt",
        "see ya29.Support_Line_docs", "ya29.c.b0AXv0 cut", "v23.0.1 build.2026.12", "https%253A%252F%252Facme.example%252Fkapso%252Fcb",
        "https%253A%252F%252Fhooks.slack.com%252F", "100%253A%252F",
    ])
    func ordinaryTextPrints(text: String) {
        #expect(Redactor().redact(text) == text)
        #expect(Redactor().redact(errorLine: text) == text)
        #expect(ShapedCredentials.masked(text) == text)
    }

    /// A JWT typed is learned as a secret whole (every later sink masks it, its pieces by `SecretFragments`) and keeps
    /// its line out of the history file; a cursor typed is neither.
    @Test func aTypedJWTIsLearnedAndACursorIsNot() {
        var redactor = Redactor()
        redactor.learn(secretsTypedIn: "logs search \(Self.jwt)")
        #expect(redactor.knownSecrets.map(\.revealed) == [Self.jwt])
        #expect(!HistoryPolicy.allows("logs search \(Self.jwt)"))
        #expect(!HistoryPolicy.allows("logs search \(Self.sendGrid)"))
        var quiet = Redactor()
        quiet.learn(secretsTypedIn: "messages --after \(Self.cursors[1])")
        #expect(quiet.knownSecrets.isEmpty)
        #expect(HistoryPolicy.allows("logs search ask-me-anything-2026"))
        #expect(HistoryPolicy.allows("message wamid.HBgLMTQxNTU1NTAxNDIVAgASGBRBN0YzQzE5RTAyQjg0RDZFNUMxMQA="))
        // The typed-line byte test answers true wherever the full reading learns something.
        #expect(Redactor.mayShowSecret(typedLine: "logs search \(Self.jwt)"))
        #expect(Redactor.mayShowSecret(typedLine: "logs search \(Self.sendGrid)"))
    }

    /// A command line as the transcript and the restore file get it: the JWT masked, the rest as typed.
    @Test func aTypedLineKeepsAllButTheToken() {
        let line = "webhooks create --url https://recv.acme.io/in/\(Self.jwt) --events whatsapp.message.received"
        let masked = Redactor().redact(commandLine: line)
        #expect(masked == "webhooks create --url https://recv.acme.io/in/<redacted> --events whatsapp.message.received")
        for piece in [Self.jwtHeader, Self.jwtPayload, Self.jwtSignature] { #expect(!masked.contains(piece)) }
    }
}
