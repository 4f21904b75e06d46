extension ListCursor {
    /// The `after` cursor of a cursor-style list (messages, conversations).
    var after: String? { nextQuery.first { $0.0 == "after" }?.1 }
}
