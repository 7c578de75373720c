dossierSearchLoaded("facets/year",{"values":["2020","2022"],"sets":["dC","bAw"]});
