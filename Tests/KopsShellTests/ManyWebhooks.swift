import KapsoClient

/// Webhooks enough to fill more than one page of 100 (`count`, 101 by default) on `number`, each at
/// `https://manyN.example/h` and subscribed to `whatsapp.message.read` only: the set-up of the tests that an id or a
/// receiver past the first page is read (tester53 T16, tester53b U7, U24).
func createManyWebhooks(on number: String, count: Int = 101, with client: KapsoClient) throws {
    for index in 0..<count {
        _ = try client.createWebhook(
            .phoneNumber(number),
            fields: ["url": .string("https://many\(index).example/h"), "kind": .string("kapso"), "secret_key": .string("s3cr3t-for-tests"),
                "events": .array([.string("whatsapp.message.read")])])
    }
}
