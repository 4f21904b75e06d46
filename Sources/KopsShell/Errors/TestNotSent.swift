internal import KapsoClient

/// `webhooks test` stopped before its POST: the read of the webhook's deliveries the test's own is told from failed, so
/// nothing was sent (tester53b U19: said as the bare API error, the same line as a result not read after Kapso had
/// accepted the test).
struct TestNotSent: KopsError {
    var webhookID: String
    var cause: KapsoAPIError

    var message: String {
        "test not sent: the webhook's deliveries could not be read before it (\(cause.message)); nothing was sent: run "
            + "'webhooks test \(webhookID)' again"
    }

    var exitStatus: ExitStatus { cause.exitStatus }
}
