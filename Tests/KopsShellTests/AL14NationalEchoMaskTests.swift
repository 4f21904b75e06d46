@testable import KopsShell
import Testing

/// tester62 AL14: a masked transcript kept the national form of a number that arrived inside API error text beside its
/// international form. Main masks the trunk-prefixed form (`07700 900123` → `0 770 ••• 0123`) and e-mails; the national
/// significant number written without the trunk `0` stayed in clear. Main's build recorded
/// `Contact +44 770 ••• 0123 failed: numbers 0770•••0123; 0 770 ••• 0123; 0 770 ••• 0123; 7700 900123; …`.
@Suite struct AL14NationalEchoMaskTests {
    @Test func theNationalDigitsOfANumberInTheSameTextAreMasked() {
        let masker = PIIMasker()
        let line = "error: the API rejected the request (422): Contact +447700900123 failed: number 7700 900123, or 7700900123"
        let masked = masker.mask(line)
        #expect(!masked.contains("900123"), "\(masked)")
        #expect(masked.contains("+44 770 ••• 0123 failed: number 770 ••• 0123, or 770•••0123"), "\(masked)")
    }

    /// Alone, or beside another number, such digits are no phone number by their form: ids and counts stay.
    @Test(arguments: [
        "error: order 7700900123 failed", "error: +447700900999 failed: order 7700900123",
        "phone number 100200300400501 of +14155550100",
    ])
    func otherRunsStay(_ line: String) {
        let masked = PIIMasker().mask(line)
        let digits = line.split(separator: " ").map(String.init).first { $0.count >= 10 && $0.allSatisfy(\.isNumber) } ?? ""
        #expect(masked.contains(digits), "\(masked)")
    }
}
