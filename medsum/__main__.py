from medsum.cli import main

main()
