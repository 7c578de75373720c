dossierSearchLoaded("facets/language",{"values":["en","vi"],"labels":["English","Vietnamese"],"sets":["bCw","dC"]});
