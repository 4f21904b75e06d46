import KapsoClient
@testable import KopsShell
import Testing

/// probe36 P36-2: JSON fields whose name ends with a secret's name (`client_secret`, `app_secret`, `verify_token`,
/// `crm_refresh_token`) were shown in clear in `--output json` and `--keep-pii` transcripts (a CRM's conversation
/// `metadata`), while only exact names were masked. The name's last words decide, in every way a JSON value is shown
/// (the tree, the serialized text's fast path, the values the redactor learns); names that only resemble one stay.
@Suite struct SecretFieldNameTests {
    static let secrets = [
        "crm_refresh_token": "Zq8vR2mN4pL6xT9wB3cDrt", "client_secret": "5f4dcc3b5aa765d61d8327deb882cf99",
        "app_secret": "9f8e7d6c5b4a39281706f5e4d3c2b1a0", "verify_token": "MyVerifyTok3n2026",
        "clientSecret": "c1i3ntS3cr3tV4lu3", "aws_secret_access_key": "wJalrXUtnFEMIK7MDENGbPxRfiCY",
        "db_password": "Hunter2-Winter!", "X-Hook-Token": "hookT0ken99x", "stripe.signing_key": "s1gn1ngK3yV4lu3",
    ]

    static func metadata(_ fields: [String: String]) throws -> JSONValue {
        let body = fields.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\"\($0.value)\"" }.joined(separator: ",")
        return try JSONValue.parse(Array("{\"id\":\"c1\",\"metadata\":{\(body)}}".utf8))
    }

    @Test(arguments: Array(secrets))
    func aSecretNamedFieldIsMasked(name: String, value: String) throws {
        let json = try Self.metadata([name: value, "plan": "gold"])
        let redactor = Redactor()
        #expect(Redactor.isSecretField(name))
        #expect(!redactor.redact(json).serialized().contains(value))
        #expect(!redactor.serialized(json).contains(value), "\(redactor.serialized(json))")
        #expect(!redactor.serialized(json, pretty: true, indent: 2).contains(value))
        #expect(redactor.serialized(json).contains("\"plan\":\"gold\""))
        // Learned from a response, the value is masked wherever it appears later.
        var learning = Redactor()
        learning.learn(from: json)
        #expect(learning.redact("echoed \(value) here") == "echoed <redacted> here")
    }

    /// Names that are no secret: a token's type and lifetime, counts, an API log's key id and name, a health check,
    /// a list's position, WhatsApp's flow token, words that merely end in the same letters.
    @Test(arguments: [
        "token_type", "expires_in", "prompt_token_count", "api_key_id", "api_key_name", "token_validity", "next_page_token",
        "nextPageToken", "flow_token", "monkey", "secretary", "tokens", "keyboard", "passport_number", "password_set_at",
    ])
    func anOrdinaryFieldStays(name: String) throws {
        #expect(!Redactor.isSecretField(name))
        let json = try Self.metadata([name: "ValueX7kq29Lm"])
        #expect(Redactor().serialized(json).contains("\"\(name)\":\"ValueX7kq29Lm\""), "\(Redactor().serialized(json))")
    }
}
