@testable import KopsShell
import Testing

/// A value after a strong label (`password`, `secret`, `token`, `api_key`, `authorization`) ended at the first ASCII
/// punctuation, and the rest of it was printed, recorded and bundled: `secret: ab.cd` → `secret: <redacted>.cd`,
/// `password: p@ss!w0rd#2024` → `<redacted>@ss!w0rd#2024`, `api_key: abc/def+ghi==` (a base64 secret) →
/// `<redacted>/def+ghi==` (the lead's read-through, session 43); and, probe45 P45-1, a value that starts with a symbol
/// (`!Xy9#…`), holds `&`, `(` or `,`, or is quoted with blanks in it (`{"password":"Xk9&mQ2z pLq"}`). Punctuation inside a value is now read as the value's
/// (`StrongSecretLabels.isGlue`); a sentence's `.`/`!`/`?`/`:` after it, and what is no secret (a time, `n/a`), stay.
@Suite struct GluedSecretValueTests {
    @Test(arguments: [
        ("secret: ab.cdefghijklmnop1234", "secret: <redacted>"),
        ("password: p@ss!w0rd#2024", "password: <redacted>"),
        ("api_key: abc/def+ghi==", "api_key: <redacted>"),
        ("token: abc+def/ghi=jkl", "token: <redacted>"),
        ("secret=AbC~dEf^gHi", "secret=<redacted>"),
        ("client_secret: 'abc.def.ghi'", "client_secret: '<redacted>'"),
        (#""access_token": "abc.def-ghi""#, #""access_token": "<redacted>""#),
        ("verify_token=my.verify.token", "verify_token=<redacted>"),
        ("webhook secret: whsec_abc.def", "webhook secret: <redacted>"),
        ("x-api-key: ab$cd%ef", "x-api-key: <redacted>"),
        ("Authorization: Bearer abc.def/ghi", "Authorization: <redacted>"),
        ("secret: whsec_…23==", "secret: <redacted>"),
        // probe45 P45-1: a value that starts with a symbol, holds `&`, `(`, `,` or blanks in quotes.
        ("password: !Xy9#secretQ then more", "password: <redacted> then more"),
        ("password: Xk9&mQ2z!pLq then more", "password: <redacted> then more"),
        (#"{"password":"Xk9&mQ2z pLq","user":"ops"}"#, #"{"password":"<redacted>","user":"ops"}"#),
        (#"password: "correct horse battery staple" then more"#, #"password: "<redacted>" then more"#),
        ("DB_PASSWORD=(Xk9mQ2zpLq) then more", "DB_PASSWORD=<redacted> then more"),
        ("password: p(ss)word99, secret: ab,cd99xyz", "password: <redacted>, secret: <redacted>"),
        (#"{\"password\":\"abc def\"}"#, #"{\"password\":\"<redacted>\"}"#),
        ("body password=abc&user=x", "body password=<redacted>&user=x"),
        // A sentence's punctuation after the value, and words that are no value, stay.
        (#""password": "is required""#, #""password": "is required""#),
        ("password: (none)", "password: (none)"),
        ("password: ...", "password: ..."),
        (#"(KAPSO_API_KEY="$(cat FILE)" reads a file)"#, #"(KAPSO_API_KEY="$(cat FILE)" reads a file)"#),
        ("export KAPSO_API_KEY=$(pass show kapso)", "export KAPSO_API_KEY=$(pass show kapso)"),
        (#"api_key: "$KAPSO_API_KEY""#, #"api_key: "$KAPSO_API_KEY""#),
        ("secret: whsec_…23, next", "secret: whsec_…23, next"),
        ("Error validating access token: Session has expired on Friday.", "Error validating access token: Session has expired on Friday."),
        (#"{"secret": null, "token": {"a": 1}}"#, #"{"secret": null, "token": {"a": 1}}"#),
        ("password: hunter2.", "password: <redacted>."),
        ("PASSWORD: sunny.day.2024!", "PASSWORD: <redacted>!"),
        ("the password is hunter2. Then retry", "the password is hunter2. Then retry"),
        ("token: expired. Log in again", "token: expired. Log in again"),
        ("secret: n/a", "secret: n/a"),
        ("token: 12:30", "token: 12:30"),
        ("secret:    whsec_…23", "secret:    whsec_…23"),
        ("secret: whsec_…23.", "secret: whsec_…23."),
        ("api_key=$KAPSO_API_KEY", "api_key=$KAPSO_API_KEY"),
        ("secret: abc123, url: https://example.com/hook", "secret: <redacted>, url: https://example.com/hook"),
        ("https://example.com/hook?token=abc.def&x=1", "https://example.com/hook?token=<redacted>&x=1"),
    ])
    func punctuationInsideAValueIsTheValues(text: String, masked: String) {
        #expect(Redactor().redact(errorLine: text) == masked)
        #expect(Redactor().redact(text) == masked)
    }
}
