window.dossierSearchIndex = {"version":1,"documents":3,"chunks":["15"]};
