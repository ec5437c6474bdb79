from desktop_app.ui.app import main

if __name__ == "__main__":
    raise SystemExit(main())
