window.dossierSearchIndex = {"version":2,"documents":3,"chunks":["15"]};
