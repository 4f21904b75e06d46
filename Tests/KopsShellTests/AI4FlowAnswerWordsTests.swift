import Foundation
import KapsoClient
import KapsoDiagnostics
@testable import KopsShell
import Testing

/// tester61 AI4: a flow answer whose field names a credential in another language (`clave`, `contraseña`, `senha`,
/// `mot_de_passe`, `passwort`, a one-time `código`) was printed in clear, while `otp_opt_in` (a yes/no consent) was masked
/// as a code. Field names are matched by whole words; a yes/no answer holds no credential.
@Suite struct AI4FlowAnswerWordsTests {
    @Test(arguments: [
        ("clave", "s3creta", true), ("contraseña", "s3creta", true), ("Contrasena", "x", true), ("senha", "segredo1", true),
        ("mot_de_passe", "motdepasse1", true), ("motDePasse", "x", true), ("passwort", "geheim1", true), ("kennwort", "x", true),
        ("codigo", "482913", true), ("código", "482913", true), ("screen_0_Codigo_1", "4829", true), ("code", "482913", true),
        ("pin", "1234", true), ("otp", "998877", true),
        ("otp_opt_in", "yes", false), ("otpOptIn", "true", false), ("otp", JSONValue.bool(true), false),
        ("codigo_postal", "28013", false), ("promo_code", "123456", false), ("codigo", "ABC-XYZ", false),
        ("clavel", "rojo", false), ("passe_partout", "x", false), ("company", "Acme", false),
    ] as [(String, JSONValue, Bool)])
    func aFieldIsReadByItsWords(_ key: String, _ value: JSONValue, _ secret: Bool) {
        #expect(FlowAnswers.isSecret(key: key, value: value) == secret, "\(key)")
    }

    @Test func aResponseMasksTheCredentialsAndKeepsTheConsent() {
        let response: JSONValue = .string("{\"contraseña\":\"s3creta\",\"otp_opt_in\":\"yes\",\"codigo\":\"482913\",\"nombre\":\"Ana\"}")
        let text = Redactor().redact(.object(["response_json": response])).serialized()
        #expect(!text.contains("s3creta") && !text.contains("482913"), "\(text)")
        #expect(text.contains("otp_opt_in") && text.contains("yes") && text.contains("Ana"), "\(text)")
    }
}
