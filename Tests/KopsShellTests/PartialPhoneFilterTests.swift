import KopsTestSupport
import Testing

/// probe34 P34-4: `messages --phone-number 0142` was refused as "expected a phone number in E.164 form", though the
/// help says part of the number is enough and Kapso's `phone_number` filter is a partial match (kapso-api.md §1,
/// §7.1, §8.1). The last four digits a ticket quotes now list that contact's messages and conversations.
@Suite struct PartialPhoneFilterTests {
    @Test(arguments: ["0142", "555-0142", "5550142", "555.0142"])
    func partOfANumberLists(part: String) async throws {
        let ran = try await runDemo(
            ["messages --phone-number \(part) --output json", "conversations --phone-number \(part) --output json"], number: nil)
        for command in ran {
            #expect(command.status == 0, "\(command.err)")
            #expect(command.out.contains("14155550142"), "\(command.out)")
            #expect(!command.out.contains("14155550157"), "only the contact whose number holds \(part): \(command.out)")
        }
    }

    /// Fewer than four digits match most numbers; anything but digits is no number. One line says what is taken.
    @Test(arguments: ["messages", "conversations"], ["014", "abcd", "01a42"])
    func tooLittleOrNoDigitsIsRefused(command: String, value: String) async throws {
        let ran = try await runDemo("\(command) --phone-number \(value)", number: nil)
        #expect(ran.status == 64, "\(ran.err)")
        #expect(
            ran.err.contains(
                "error: \(command): invalid value for --phone-number '\(value)'; expected a phone number (+14155550157) or at "
                    + "least 4 of its digits (0142)"), "\(ran.err)")
    }
}
