from linter.launch import main

main()
