internal import KapsoClient

/// `refresh`: re-reads the project's numbers and webhooks so Tab completion offers current ids.
public enum RefreshCommand: Command {
    public static let name = "refresh"
    public static let summary = "reload the ids Tab completion offers (numbers, webhooks)"
    public static let usage = "refresh"
    public static let details = """
        Completion never touches the network: it offers ids seen in earlier results. Lists and writes
        update it as you go; refresh reloads phone numbers and the project's webhooks at once.
        """

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        let numbers = try context.client.allPhoneNumbers()
        for number in numbers.reversed() {
            context.ids.remember(number.id, as: .phoneNumber, label: number.displayPhoneNumber)
        }
        let webhooks = try context.client.allWebhooks(.project)
        for webhook in webhooks.reversed() {
            context.ids.remember(webhook.id, as: .webhook, label: webhook.url)
        }
        return .line("completion knows \(numbers.count) phone numbers and \(webhooks.count) webhooks")
    }
}
