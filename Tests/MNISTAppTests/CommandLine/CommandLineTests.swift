import Testing
@testable import MNISTApp

@Suite struct CommandLineTests {
    let options = [
        CommandLineOption("epochs", valueName: "N", default: "15", help: "Epochs."),
        CommandLineOption("csv", help: "A flag."),
    ]

    @Test func optionsTakeValuesSeparatelyOrAfterAnEqualsSign() throws {
        let separate = try ParsedArguments(["--epochs", "3", "a.png"], options: options)
        let joined = try ParsedArguments(["--epochs=4", "--csv"], options: options)
        #expect(try separate.required("epochs", as: Int.self) == 3)
        #expect(separate.positional == ["a.png"])
        #expect(try joined.required("epochs", as: Int.self) == 4)
        #expect(joined.flag("csv"))
    }

    @Test func absentOptionsTakeTheirDefaults() throws {
        let parsed = try ParsedArguments([], options: options)
        #expect(try parsed.required("epochs", as: Int.self) == 15)
        #expect(!parsed.flag("csv"))
    }

    @Test func mistakesAreUsageErrors() {
        #expect(throws: UsageError("unknown option '--bogus'")) { try ParsedArguments(["--bogus"], options: options) }
        #expect(throws: UsageError("'--epochs' needs a value (N)")) { try ParsedArguments(["--epochs"], options: options) }
        #expect(throws: UsageError("'--csv' takes no value")) { try ParsedArguments(["--csv=yes"], options: options) }
        #expect(throws: UsageError("'--epochs' expects a value of type Int, not 'many'")) {
            try ParsedArguments(["--epochs", "many"], options: options).required("epochs", as: Int.self)
        }
    }

    @Test func usageErrorsExitWithStatusTwoAndHelpWithZero() {
        #expect(MNISTCommandLine.run(["frobnicate"]) == 2)
        #expect(MNISTCommandLine.run(["train", "--bogus"]) == 2)
        #expect(MNISTCommandLine.run(["train", "--epochs", "zero"]) == 2)
        #expect(MNISTCommandLine.run(["train", "--augmentation", "heavy"]) == 2)
        #expect(MNISTCommandLine.run(["predict"]) == 2)
        #expect(MNISTCommandLine.run(["--help"]) == 0)
        #expect(MNISTCommandLine.run(["serve", "--help"]) == 0)
    }

    @Test func valuesOutOfRangeAreUsageErrorsNamingTheRequirement() throws {
        let parsed = try ParsedArguments(["--epochs", "0"], options: options)
        #expect(throws: UsageError("'--epochs' must be a positive whole number, not '0'")) {
            try parsed.required("epochs", as: Int.self, "a positive whole number") { $0 > 0 }
        }
        let accepted = try ParsedArguments(["--epochs", "2"], options: options)
        #expect(try accepted.required("epochs", as: Int.self, "a positive whole number") { $0 > 0 } == 2)
    }

    /// Each of these used to reach a precondition (a trap) in `FineTuning` or the trainer.
    @Test func fineTuneAndServeRefuseImpossibleValuesBeforeDoingAnything() {
        for arguments in [["--epochs", "0"], ["--batch-size", "1"], ["--learning-rate", "0"], ["--learning-rate", "nan"],
                          ["--learning-rate", "-1"], ["--feedback-fraction", "1.5"], ["--threads", "0"]] {
            #expect(MNISTCommandLine.run(["finetune"] + arguments) == 2, "finetune \(arguments)")
        }
        #expect(MNISTCommandLine.run(["serve", "--port", "70000"]) == 2)
        #expect(MNISTCommandLine.run(["serve", "--port", "-1"]) == 2)
    }

    @Test func everySubcommandDocumentsItsOptions() {
        for command in MNISTCommandLine.subcommands {
            #expect(command.help.hasPrefix("Usage: MNISTExample \(command.name)"))
            for option in command.options { #expect(command.help.contains("--\(option.name)")) }
        }
    }
}
