import { render } from "preact";
import { App } from "./App";
import { ready } from "./i18n";
import "./style.css";

ready.then(() => render(<App />, document.getElementById("app")!));
