dossierSearchLoaded("facets/language",{"values":["en","vi"],"labels":["Tiếng Anh","Tiếng Việt"],"sets":["bBQ","dB"]});
