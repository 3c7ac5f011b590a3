import ArgumentParser
import SwitchyardConfig

struct CodesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codes",
        abstract: "List every diagnostic code with its default severity and meaning.",
        discussion: "Codes never change meaning, so CI filters and suppressions can rely on them."
    )

    @Flag(help: "Print a Markdown table instead of aligned text.")
    var markdown = false

    func run() {
        for code in DiagnosticCode.allCases {
            let severity = code.defaultSeverity.rawValue
            if markdown {
                print("| \(code.rawValue) | \(severity) | \(code.title) |")
            } else {
                print("\(code.rawValue)  \(severity.padding(toLength: 7, withPad: " ", startingAt: 0))  \(code.title)")
            }
        }
    }
}
