import ClaudioTUI
await ConsoleCommand.main()
