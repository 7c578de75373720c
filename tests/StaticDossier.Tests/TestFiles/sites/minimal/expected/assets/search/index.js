window.dossierSearchIndex = {"version":2,"documents":4,"chunks":["15"]};
