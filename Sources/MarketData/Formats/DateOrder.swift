/// The wording of a date out of order, shared by price and observation files.
enum DateOrder {
    static func message(_ date: String, after previous: String, line: Int) -> String {
        "\(date) is earlier than \(previous) on line \(line): dates must increase"
    }

    static let hint = "sort the rows by date, oldest first; a file listed newest first needs its rows reversed"
}
