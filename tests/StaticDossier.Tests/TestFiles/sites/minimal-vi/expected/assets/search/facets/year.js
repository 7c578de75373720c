dossierSearchLoaded("facets/year",{"values":["2020","2022"],"sets":["dB","dA"]});
